package dev.speckitty.shell.config;

import dev.speckitty.adapters.hosted.HostedUrlPolicy;
import dev.speckitty.shell.command.CommandFailedException;
import java.util.Optional;

/**
 * The one hosted base URL for every hosted call: {@code SPEC_KITTY_SAAS_URL}, else {@code [sync]
 * server_url} in config.toml. Never a built-in default: with neither set, a configuration error
 * that names both, and no network (docs/spec/decisions.md decision 1). The URL must pass {@link HostedUrlPolicy}, the
 * rule discovery applies to every endpoint too.
 */
public final class HostedTarget {

    public static final String URL_VARIABLE = "SPEC_KITTY_SAAS_URL";

    private final RuntimeEnvironment environment;
    private final MachineConfig machineConfig;

    public HostedTarget(RuntimeEnvironment environment, MachineConfig machineConfig) {
        this.environment = environment;
        this.machineConfig = machineConfig;
    }

    /** The base URL without a trailing slash, when one is configured. */
    public Optional<String> baseUrl() {
        Optional<String> configured = environment.get(URL_VARIABLE).map(String::strip).filter(s -> !s.isEmpty())
                .or(machineConfig::syncServerUrl);
        return configured.map(HostedTarget::validated);
    }

    public String requireBaseUrl() {
        return baseUrl().orElseThrow(() -> new CommandFailedException(
                "X No hosted server is configured. Set " + URL_VARIABLE + ", or set [sync] server_url in "
                        + machineConfig.file() + " (e.g. https://app.spec-kitty.ai), then try again."));
    }

    private static String validated(String url) {
        String trimmed = url.replaceAll("/+$", "");
        HostedUrlPolicy.Verdict verdict = HostedUrlPolicy.check(trimmed);
        if (!verdict.accepted()) {
            throw refused(verdict.refusal().reason());
        }
        return trimmed;
    }

    // The URL itself is never echoed: a mistyped one may still carry credentials (user:password@, ?token=).
    private static CommandFailedException refused(String why) {
        return new CommandFailedException("X The hosted server URL " + why + ".",
                "  Check " + URL_VARIABLE + " or [sync] server_url in config.toml.");
    }
}

package dev.speckitty.shell.config;

import dev.speckitty.shell.command.CommandFailedException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * The one hosted base URL for every hosted call: {@code SPEC_KITTY_SAAS_URL}, else {@code [sync]
 * server_url} in config.toml. Never a built-in default: with neither set, a configuration error
 * that names both, and no network (behaviour.md, top item 1).
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
        try {
            URI uri = new URI(trimmed);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return trimmed;
            }
        } catch (URISyntaxException malformed) {
            // reported below
        }
        // not echoed: a mistyped URL may still carry credentials (user:password@, ?token=)
        throw new CommandFailedException("X The hosted server URL is not an http(s) URL with a host name.",
                "  Check " + URL_VARIABLE + " or [sync] server_url in config.toml.");
    }
}

package dev.speckitty.shell.settings;

import dev.speckitty.adapters.hosted.HostedUrlPolicy;
import dev.speckitty.domain.hosted.HostedAddress;
import dev.speckitty.domain.hosted.HostedAddress.Reason;
import dev.speckitty.domain.hosted.HostedUnavailableException;
import java.util.List;
import java.util.Optional;

/**
 * The one hosted base URL for every hosted call: {@code SPEC_KITTY_SAAS_URL}, else {@code [sync]
 * server_url} in config.toml. Never a built-in default: with neither set, a configuration error
 * that names both, and no network (docs/spec/decisions.md decision 1). The URL must pass
 * {@link HostedUrlPolicy}, the rule discovery applies to every endpoint too. Found once, on first
 * use, as a {@link HostedAddress} value: the hosted port beans read it, and the shell's commands
 * read it through {@link #baseUrl()} and {@link #requireBaseUrl()}. A refused or unreadable setting
 * is the domain's {@link HostedUnavailableException}, never a shell exception: application code
 * that is handed these suppliers stays free of the shell.
 */
public final class HostedTarget {

    public static final String URL_VARIABLE = "SPEC_KITTY_SAAS_URL";

    private final RuntimeEnvironment environment;
    private final MachineConfig machineConfig;
    private HostedAddress address;

    public HostedTarget(RuntimeEnvironment environment, MachineConfig machineConfig) {
        this.environment = environment;
        this.machineConfig = machineConfig;
    }

    /** The configured address, or why there is none; settings are read on the first call only. */
    public synchronized HostedAddress address() {
        if (address == null) {
            address = resolve();
        }
        return address;
    }

    /** The base URL without a trailing slash, when one is configured; a refused one is an error. */
    public Optional<String> baseUrl() {
        return switch (address()) {
            case HostedAddress.Configured configured -> Optional.of(configured.url());
            case HostedAddress.Unusable unusable when unusable.reason() == Reason.NOT_CONFIGURED -> Optional.empty();
            case HostedAddress.Unusable unusable -> throw new HostedUnavailableException(unusable);
        };
    }

    public String requireBaseUrl() {
        return switch (address()) {
            case HostedAddress.Configured configured -> configured.url();
            case HostedAddress.Unusable unusable -> throw new HostedUnavailableException(unusable);
        };
    }

    /** {@code port} when a hosted URL is configured, for callers that go on without a server. */
    public <P> Optional<P> ifConfigured(P port) {
        return baseUrl().map(url -> port);
    }

    private HostedAddress resolve() {
        Optional<String> configured;
        try {
            configured = environment.get(URL_VARIABLE).map(String::strip).filter(s -> !s.isEmpty())
                    .or(machineConfig::syncServerUrl);
        } catch (MachineConfig.Unreadable unreadable) { // config.toml broken: the same words, as a value
            return new HostedAddress.Unusable(Reason.CONFIG_UNREADABLE, unreadable.getMessage(),
                    unreadable.hints().stream().map(String::strip).toList());
        }
        return configured.map(HostedTarget::validated).orElseGet(() -> new HostedAddress.Unusable(
                Reason.NOT_CONFIGURED, "No hosted server is configured. Set " + URL_VARIABLE + ", or set [sync] "
                        + "server_url in " + machineConfig.file() + " (e.g. https://app.spec-kitty.ai), then try again.",
                List.of()));
    }

    // The URL itself is never echoed: a mistyped one may still carry credentials (user:password@, ?token=).
    private static HostedAddress validated(String url) {
        String trimmed = url.replaceAll("/+$", "");
        HostedUrlPolicy.Verdict verdict = HostedUrlPolicy.check(trimmed);
        if (!verdict.accepted()) {
            return new HostedAddress.Unusable(Reason.REFUSED, "The hosted server URL " + verdict.refusal().reason() + ".",
                    List.of("Check " + URL_VARIABLE + " or [sync] server_url in config.toml."));
        }
        return new HostedAddress.Configured(trimmed);
    }
}

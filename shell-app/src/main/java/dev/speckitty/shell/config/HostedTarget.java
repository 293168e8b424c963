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
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException malformed) {
            throw refused("is not an http(s) URL with a host name");
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw refused("is not an http(s) URL with a host name");
        }
        if (uri.getRawUserInfo() != null) {
            // status and doctor print the URL: credentials in it would end up on screen and in logs
            throw refused("must not carry a user name or password");
        }
        if ("http".equals(uri.getScheme()) && !isLoopback(uri.getHost())) {
            // bearer tokens and refresh tokens would cross the network in clear text
            throw refused("uses plain http:// for a host other than this machine; use https://");
        }
        return trimmed;
    }

    /** Plain http is only for a service on this machine (the emulator, a local test server). */
    static boolean isLoopback(String host) {
        String name = host.toLowerCase(java.util.Locale.ROOT);
        return name.equals("localhost") || name.equals("[::1]") || name.matches("127(\\.\\d{1,3}){3}");
    }

    // The URL itself is never echoed: a mistyped one may still carry credentials (user:password@, ?token=).
    private static CommandFailedException refused(String why) {
        return new CommandFailedException("X The hosted server URL " + why + ".",
                "  Check " + URL_VARIABLE + " or [sync] server_url in config.toml.");
    }
}

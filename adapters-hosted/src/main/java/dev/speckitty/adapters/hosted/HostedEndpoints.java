package dev.speckitty.adapters.hosted;

import java.net.URI;
import java.util.Objects;

/**
 * Where the hosted service lives and who the CLI is to it: one base URL for every hosted call,
 * the public OAuth client id and the scope requested. Resolving the base URL from the
 * environment or {@code config.toml} is the shell's job; this type only normalises and checks it.
 *
 * @param baseUrl a URL that passes {@link HostedUrlPolicy}, without a trailing {@code /}
 * @param clientId OAuth client id ({@value #DEFAULT_CLIENT_ID} unless overridden)
 * @param scope OAuth scope ({@value #DEFAULT_SCOPE} unless overridden)
 */
public record HostedEndpoints(String baseUrl, String clientId, String scope) {

    public static final String DEFAULT_CLIENT_ID = "cli_native";
    public static final String DEFAULT_SCOPE = "offline_access";

    public HostedEndpoints {
        baseUrl = normalise(baseUrl);
        clientId = blankToDefault(clientId, DEFAULT_CLIENT_ID);
        scope = blankToDefault(scope, DEFAULT_SCOPE);
    }

    /** The base URL with the default client id and scope. */
    public static HostedEndpoints of(String baseUrl) {
        return new HostedEndpoints(baseUrl, DEFAULT_CLIENT_ID, DEFAULT_SCOPE);
    }

    /** {@code path} (starting with {@code /}) under the base URL. */
    public URI resolve(String path) {
        return URI.create(baseUrl + path);
    }

    private static String normalise(String raw) {
        Objects.requireNonNull(raw, "hosted base URL");
        String url = raw.strip();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        if (url.isEmpty()) {
            throw new IllegalArgumentException("The hosted base URL is empty.");
        }
        HostedUrlPolicy.Verdict verdict = HostedUrlPolicy.check(url);
        if (!verdict.accepted()) {
            throw new IllegalArgumentException("The hosted base URL " + verdict.refusal().reason() + ".");
        }
        return url;
    }

    private static String blankToDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}

package dev.speckitty.adapters.hosted;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * Where the hosted service lives and who the CLI is to it: one base URL for every hosted call,
 * the public OAuth client id and the scope requested. Resolving the base URL from the
 * environment or {@code config.toml} is the shell's job; this type only normalises and checks it.
 *
 * @param baseUrl http(s) URL without a trailing {@code /}
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
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("The hosted base URL is not a valid URL.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException("The hosted base URL must be an http(s) URL with a host.");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            // a query or user-info part could carry credentials and would break path joining
            throw new IllegalArgumentException("The hosted base URL must not have user info, a query or a fragment.");
        }
        return url;
    }

    private static String blankToDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}

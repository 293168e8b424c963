package dev.speckitty.adapters.hosted.oauth;

import dev.speckitty.adapters.hosted.HostedEndpoints;
import dev.speckitty.adapters.hosted.HostedUrlPolicy;
import dev.speckitty.adapters.hosted.http.HostedHttpClient;
import dev.speckitty.adapters.hosted.http.HostedResponse;
import dev.speckitty.adapters.hosted.http.HostedTransportException;
import dev.speckitty.adapters.hosted.http.IdempotentRetry;
import dev.speckitty.adapters.hosted.http.JsonBody;
import java.net.URI;
import java.util.Optional;

/**
 * Finds the OAuth endpoints: RFC 8414 metadata at {@code {base}/.well-known/oauth-authorization-server}
 * when the server publishes valid metadata, else the spec-kitty default paths. Lazy and done once
 * per process, so commands that never talk OAuth make no request.
 *
 * <p>Metadata is used only when it is a JSON object whose {@code issuer} equals the base URL
 * (RFC 8414 §3.3, against mix-up) and whose endpoints all pass {@link HostedUrlPolicy} (https only when the base
 * is https), so metadata can never move a token endpoint to plain http on another host. Anything else falls back
 * to the defaults as a whole. The optional {@code introspection_endpoint} (RFC 7662) and
 * {@code userinfo_endpoint} (OpenID Connect) are kept when present and valid; the spec-kitty defaults have neither.
 */
public final class OAuthMetadataDiscovery {

    static final String WELL_KNOWN_PATH = "/.well-known/oauth-authorization-server";

    private final HostedEndpoints hosted;
    private final HostedHttpClient http;
    private final IdempotentRetry retry;
    private volatile OAuthEndpoints resolved;

    public OAuthMetadataDiscovery(HostedEndpoints hosted, HostedHttpClient http, IdempotentRetry retry) {
        this.hosted = hosted;
        this.http = http;
        this.retry = retry;
    }

    /** The spec-kitty default paths under the base URL. */
    public static OAuthEndpoints defaults(HostedEndpoints hosted) {
        return new OAuthEndpoints(
                hosted.resolve("/oauth/authorize"),
                hosted.resolve("/oauth/token"),
                hosted.resolve("/oauth/device"),
                hosted.resolve("/oauth/revoke"),
                Optional.empty(),
                Optional.empty(),
                false);
    }

    /** The endpoints, discovering them on first use. */
    public OAuthEndpoints endpoints() {
        OAuthEndpoints current = resolved;
        if (current == null) {
            synchronized (this) {
                current = resolved;
                if (current == null) {
                    current = discover();
                    resolved = current;
                }
            }
        }
        return current;
    }

    private OAuthEndpoints discover() {
        HostedResponse response;
        try {
            response = retry.execute("GET " + WELL_KNOWN_PATH, () -> http.get(hosted.resolve(WELL_KNOWN_PATH), null));
        } catch (HostedTransportException unreachable) {
            return defaults(hosted); // the OAuth call that follows reports the network problem itself
        }
        if (!response.isOk()) {
            return defaults(hosted);
        }
        return response.jsonObject().flatMap(this::fromMetadata).orElseGet(() -> defaults(hosted));
    }

    private Optional<OAuthEndpoints> fromMetadata(JsonBody metadata) {
        Optional<String> issuer = metadata.nonBlankString("issuer").map(OAuthMetadataDiscovery::stripSlash);
        if (issuer.isEmpty() || !issuer.get().equals(hosted.baseUrl())) {
            return Optional.empty();
        }
        OAuthEndpoints fallback = defaults(hosted);
        Optional<URI> token = endpoint(metadata, "token_endpoint");
        Optional<URI> authorization = endpointOr(metadata, "authorization_endpoint", fallback.authorization());
        Optional<URI> device = endpointOr(metadata, "device_authorization_endpoint", fallback.deviceAuthorization());
        Optional<URI> revocation = endpointOr(metadata, "revocation_endpoint", fallback.revocation());
        if (token.isEmpty() || authorization.isEmpty() || device.isEmpty() || revocation.isEmpty()) {
            return Optional.empty();
        }
        // Introspection and userinfo are extras: one that is absent or unusable is simply not used.
        return Optional.of(new OAuthEndpoints(authorization.get(), token.get(), device.get(), revocation.get(),
                endpoint(metadata, "introspection_endpoint"), endpoint(metadata, "userinfo_endpoint"), true));
    }

    /** A present endpoint must be valid; an absent optional one takes the default path. */
    private Optional<URI> endpointOr(JsonBody metadata, String field, URI fallback) {
        return metadata.has(field) ? endpoint(metadata, field) : Optional.of(fallback);
    }

    private Optional<URI> endpoint(JsonBody metadata, String field) {
        return metadata.nonBlankString(field).flatMap(this::acceptableUrl);
    }

    /** The base URL's own policy, and no step down from an https base to plain http (even on this machine). */
    private Optional<URI> acceptableUrl(String text) {
        boolean httpsBase = hosted.baseUrl().regionMatches(true, 0, "https:", 0, 6);
        return HostedUrlPolicy.accepted(text).filter(uri -> !httpsBase || uri.getScheme().equalsIgnoreCase("https"));
    }

    private static String stripSlash(String url) {
        String s = url.strip();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }
}

package dev.speckitty.adapters.hosted.oauth;

import java.net.URI;
import java.util.Objects;

/**
 * The four OAuth endpoints the CLI uses.
 *
 * @param discovered true when they came from RFC 8414 metadata rather than the default paths
 */
public record OAuthEndpoints(URI authorization, URI token, URI deviceAuthorization, URI revocation, boolean discovered) {

    public OAuthEndpoints {
        Objects.requireNonNull(authorization, "authorization");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(deviceAuthorization, "deviceAuthorization");
        Objects.requireNonNull(revocation, "revocation");
    }
}

package dev.speckitty.adapters.hosted.oauth;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * The OAuth endpoints the CLI uses.
 *
 * @param introspection RFC 7662 introspection, when the metadata advertises it ({@code auth doctor --server})
 * @param userinfo OpenID Connect userinfo, when the metadata advertises it (identity without {@code /api/v1/me})
 * @param discovered true when they came from RFC 8414 metadata rather than the default paths
 */
public record OAuthEndpoints(URI authorization, URI token, URI deviceAuthorization, URI revocation,
        Optional<URI> introspection, Optional<URI> userinfo, boolean discovered) {

    public OAuthEndpoints {
        Objects.requireNonNull(authorization, "authorization");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(deviceAuthorization, "deviceAuthorization");
        Objects.requireNonNull(revocation, "revocation");
        Objects.requireNonNull(introspection, "introspection");
        Objects.requireNonNull(userinfo, "userinfo");
    }
}

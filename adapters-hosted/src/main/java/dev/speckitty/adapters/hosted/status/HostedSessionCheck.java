package dev.speckitty.adapters.hosted.status;

import dev.speckitty.adapters.hosted.HostedEndpoints;
import dev.speckitty.adapters.hosted.http.HostedHttpClient;
import dev.speckitty.adapters.hosted.http.IdempotentRetry;
import dev.speckitty.adapters.hosted.oauth.OAuthEndpoints;
import dev.speckitty.adapters.hosted.oauth.OAuthMetadataDiscovery;
import dev.speckitty.domain.auth.ServerSessionStatus;
import dev.speckitty.domain.port.SessionStatusProbe;
import dev.speckitty.domain.session.Secret;

/**
 * Chooses how {@code auth doctor --server} asks the server (decision 16): RFC 7662 introspection
 * when the RFC 8414 metadata advertises {@code introspection_endpoint}; otherwise spec-kitty's
 * session-status endpoint. When a server that published standards metadata (without introspection)
 * answers that endpoint with 404, it simply offers no session check: said plainly, not a failure.
 * Without metadata a 404 stays "Server returned HTTP 404" (a spec-kitty server always has the endpoint).
 */
public final class HostedSessionCheck implements SessionStatusProbe {

    private final OAuthMetadataDiscovery discovery;
    private final IntrospectionProbe introspection;
    private final WebClientSessionStatusProbe sessionStatus;

    public HostedSessionCheck(HostedEndpoints hosted, OAuthMetadataDiscovery discovery, HostedHttpClient http,
            IdempotentRetry retry) {
        this.discovery = discovery;
        this.introspection = new IntrospectionProbe(hosted, http, retry);
        this.sessionStatus = new WebClientSessionStatusProbe(hosted, http, retry);
    }

    @Override
    public ServerSessionStatus check(Secret accessToken) {
        OAuthEndpoints endpoints;
        try {
            endpoints = discovery.endpoints();
        } catch (RuntimeException unexpected) { // broad-catch: doctor server check must never throw
            return ServerSessionStatus.failed("Unexpected error during server check");
        }
        if (endpoints.introspection().isPresent()) {
            return introspection.check(endpoints.introspection().get(), accessToken);
        }
        ServerSessionStatus status = sessionStatus.check(accessToken).via(ServerSessionStatus.Method.SESSION_STATUS);
        boolean absent = WebClientSessionStatusProbe.NOT_FOUND.equals(status.error());
        return absent && endpoints.discovered() ? ServerSessionStatus.notOffered() : status;
    }
}

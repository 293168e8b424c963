package dev.speckitty.adapters.hosted.membership;

import dev.speckitty.adapters.hosted.HostedEndpoints;
import dev.speckitty.adapters.hosted.http.HostedHttpClient;
import dev.speckitty.adapters.hosted.http.HostedResponse;
import dev.speckitty.adapters.hosted.http.HostedTransportException;
import dev.speckitty.adapters.hosted.http.IdempotentRetry;
import dev.speckitty.adapters.hosted.oauth.OAuthMetadataDiscovery;
import dev.speckitty.domain.auth.AuthFlowException;
import dev.speckitty.domain.auth.Membership;
import dev.speckitty.domain.port.MembershipDirectory;
import dev.speckitty.domain.session.Secret;
import java.net.URI;
import java.util.Optional;

/**
 * {@code GET {base}/api/v1/me} with the bearer token; an idempotent GET, so retried on 502/503/504
 * and transport failures. On a standards server without that endpoint (404) whose metadata
 * advertises OpenID Connect {@code userinfo_endpoint}, the identity comes from userinfo, with no
 * teams (decision 16).
 */
public final class WebClientMembershipDirectory implements MembershipDirectory {

    static final String PATH = "/api/v1/me";

    private final HostedEndpoints hosted;
    private final OAuthMetadataDiscovery discovery;
    private final HostedHttpClient http;
    private final IdempotentRetry retry;

    public WebClientMembershipDirectory(HostedEndpoints hosted, OAuthMetadataDiscovery discovery,
            HostedHttpClient http, IdempotentRetry retry) {
        this.hosted = hosted;
        this.discovery = discovery;
        this.http = http;
        this.retry = retry;
    }

    @Override
    public Membership fetch(Secret accessToken) {
        HostedResponse response = get("GET " + PATH, hosted.resolve(PATH), accessToken);
        if (response.status() == 404) {
            Optional<URI> userinfo = discovery.endpoints().userinfo();
            if (userinfo.isPresent()) {
                return UserinfoResponseParser.parse(checked(get("GET userinfo", userinfo.get(), accessToken)));
            }
        }
        return MembershipResponseParser.parse(checked(response));
    }

    private HostedResponse get(String operation, URI uri, Secret accessToken) {
        try {
            return retry.execute(operation, () -> http.get(uri, accessToken));
        } catch (HostedTransportException e) {
            throw new AuthFlowException("Network error fetching user info: " + e.failureType());
        }
    }

    private static String checked(HostedResponse response) {
        if (!response.isOk()) {
            throw new AuthFlowException("User info fetch failed: HTTP " + response.status());
        }
        if (response.oversized()) {
            throw new AuthFlowException("User info response was too large.");
        }
        return response.body();
    }
}

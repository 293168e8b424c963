package dev.speckitty.adapters.hosted.membership;

import dev.speckitty.adapters.hosted.HostedEndpoints;
import dev.speckitty.adapters.hosted.http.HostedHttpClient;
import dev.speckitty.adapters.hosted.http.HostedResponse;
import dev.speckitty.adapters.hosted.http.HostedTransportException;
import dev.speckitty.adapters.hosted.http.IdempotentRetry;
import dev.speckitty.domain.auth.AuthFlowException;
import dev.speckitty.domain.auth.Membership;
import dev.speckitty.domain.port.MembershipDirectory;
import dev.speckitty.domain.session.Secret;

/** {@code GET {base}/api/v1/me} with the bearer token; an idempotent GET, so retried on 502/503/504 and transport failures. */
public final class WebClientMembershipDirectory implements MembershipDirectory {

    static final String PATH = "/api/v1/me";

    private final HostedEndpoints hosted;
    private final HostedHttpClient http;
    private final IdempotentRetry retry;

    public WebClientMembershipDirectory(HostedEndpoints hosted, HostedHttpClient http, IdempotentRetry retry) {
        this.hosted = hosted;
        this.http = http;
        this.retry = retry;
    }

    @Override
    public Membership fetch(Secret accessToken) {
        HostedResponse response;
        try {
            response = retry.execute("GET " + PATH, () -> http.get(hosted.resolve(PATH), accessToken));
        } catch (HostedTransportException e) {
            throw new AuthFlowException("Network error fetching user info: " + e.failureType());
        }
        if (!response.isOk()) {
            throw new AuthFlowException("User info fetch failed: HTTP " + response.status());
        }
        if (response.oversized()) {
            throw new AuthFlowException("User info response was too large.");
        }
        return MembershipResponseParser.parse(response.body());
    }
}

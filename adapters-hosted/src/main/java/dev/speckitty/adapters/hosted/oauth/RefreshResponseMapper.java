package dev.speckitty.adapters.hosted.oauth;

import dev.speckitty.adapters.hosted.http.HostedResponse;
import dev.speckitty.adapters.hosted.http.JsonBody;
import dev.speckitty.domain.auth.AuthFlowException;
import dev.speckitty.domain.auth.RefreshResult;
import dev.speckitty.domain.auth.RefreshResult.RejectionCause;
import dev.speckitty.domain.session.Secret;
import java.util.Optional;

/** Maps a token-endpoint answer to a refresh-token grant onto {@link RefreshResult} (docs/spec/hosted-contract.md §2.5). */
final class RefreshResponseMapper {

    static final String REPLAY_ERROR = "refresh_replay_benign_retry";

    private RefreshResponseMapper() {}

    /** @param sent the refresh token of the request, kept out of every message */
    static RefreshResult map(HostedResponse response, Secret sent) {
        int status = response.status();
        if (response.oversized()) {
            return failed(response, sent);
        }
        if (status == 200) {
            return granted(response);
        }
        Optional<JsonBody> body = response.jsonObject();
        Optional<String> error = body.flatMap(b -> b.string("error"));
        if (status == 409 && error.filter(REPLAY_ERROR::equals).isPresent()) {
            return new RefreshResult.Replay(retryAfter(body.get()));
        }
        if (status == 400 || status == 401) {
            if (error.filter("invalid_grant"::equals).isPresent()) {
                return new RefreshResult.Rejected(RejectionCause.REFRESH_TOKEN_EXPIRED);
            }
            if (error.filter("session_invalid"::equals).isPresent()) {
                return new RefreshResult.Rejected(RejectionCause.SESSION_INVALID);
            }
        }
        return failed(response, sent);
    }

    private static RefreshResult granted(HostedResponse response) {
        Optional<JsonBody> body = response.jsonObject();
        if (body.isEmpty()) {
            return new RefreshResult.Failed("Refresh response was not JSON.", 200);
        }
        try {
            return new RefreshResult.Refreshed(TokenResponseParser.refresh(body.get()));
        } catch (AuthFlowException invalid) {
            return new RefreshResult.Failed(invalid.getMessage(), 200);
        }
    }

    private static RefreshResult failed(HostedResponse response, Secret sent) {
        return new RefreshResult.Failed("Token refresh failed: " + OAuthErrorBody.statusAndCode(response, sent),
                response.status());
    }

    /** Informational only (the caller never sleeps on it); anything malformed reads as 0. */
    private static int retryAfter(JsonBody body) {
        return body.integer("retry_after")
                .filter(n -> n >= 0 && n <= WebClientAuthorizationServer.MAX_REPLAY_RETRY_AFTER)
                .map(Long::intValue)
                .orElse(0);
    }
}

package dev.speckitty.adapters.hosted.oauth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import dev.speckitty.adapters.hosted.HostedWireMockTest;
import dev.speckitty.domain.auth.RefreshResult;
import dev.speckitty.domain.auth.RefreshResult.RejectionCause;
import dev.speckitty.domain.auth.TokenGrant;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RefreshTest extends HostedWireMockTest {

    private RefreshResult refreshAgainst(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
        server.stubFor(post(urlEqualTo("/oauth/token")).willReturn(answer));
        return seen(oauth.refresh(secret(REFRESH)));
    }

    private void assertExactlyOneTokenPost() {
        server.verify(1, postRequestedFor(urlEqualTo("/oauth/token")));
    }

    @Test
    void rotationReturnsTheNewPairAndSendsTheRefreshGrant() {
        RefreshResult result = refreshAgainst(okJson("""
                {"access_token":"at_SENTINEL_new","refresh_token":"rt_SENTINEL_new","expires_in":3600,
                 "refresh_token_expires_at":"2030-01-02T03:04:05+02:00","refresh_token_expires_in":86400,
                 "scope":"offline_access","generation":7,"session_id":"ignored","token_type":"Bearer"}"""));

        assertThat(result).isInstanceOf(RefreshResult.Refreshed.class);
        TokenGrant grant = ((RefreshResult.Refreshed) result).grant();
        assertThat(grant.accessToken().reveal()).isEqualTo("at_SENTINEL_new");
        assertThat(grant.refreshToken().reveal()).isEqualTo("rt_SENTINEL_new");
        assertThat(grant.expiresInSeconds()).isEqualTo(3600L);
        assertThat(grant.refreshTokenExpiresAt()).isEqualTo(Instant.parse("2030-01-02T01:04:05Z"));
        assertThat(grant.refreshTokenExpiresInSeconds()).isEqualTo(86400L);
        assertThat(grant.generation()).isEqualTo(7L);
        assertThat(grant.sessionId()).as("session_id is not read on refresh").isNull();
        server.verify(postRequestedFor(urlEqualTo("/oauth/token"))
                .withRequestBody(equalTo("grant_type=refresh_token&refresh_token=rt_SENTINEL_x&client_id=cli_native"))
                .withoutHeader("Authorization"));
    }

    @Test
    void withoutRefreshTokenTheGrantDoesNotRotate() {
        RefreshResult result = refreshAgainst(okJson("{\"access_token\":\"at_SENTINEL_new\",\"expires_in\":60,"
                + "\"refresh_token_expires_at\":\"2030-01-01T00:00:00Z\"}"));

        TokenGrant grant = ((RefreshResult.Refreshed) result).grant();
        assertThat(grant.refreshToken()).isNull();
        assertThat(grant.refreshTokenExpiresAt()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
        assertThat(grant.generation()).isNull();
    }

    @Test
    void absentExpiresInIsLeftToTheApplication() {
        RefreshResult result = refreshAgainst(okJson("{\"access_token\":\"at_SENTINEL_new\"}"));
        assertThat(((RefreshResult.Refreshed) result).grant().expiresInSeconds()).isNull();
    }

    @Test
    void invalidGrantOn400Or401IsAnExpiredRefreshToken() {
        assertThat(refreshAgainst(aResponse().withStatus(400).withBody("{\"error\":\"invalid_grant\"}")))
                .isEqualTo(new RefreshResult.Rejected(RejectionCause.REFRESH_TOKEN_EXPIRED));
        assertThat(refreshAgainst(aResponse().withStatus(401).withBody("{\"error\":\"invalid_grant\"}")))
                .isEqualTo(new RefreshResult.Rejected(RejectionCause.REFRESH_TOKEN_EXPIRED));
    }

    @Test
    void sessionInvalidIsItsOwnRejection() {
        assertThat(refreshAgainst(aResponse().withStatus(401)
                        .withBody("{\"error\":\"session_invalid\",\"error_description\":\"BODY_MARKER_x\"}")))
                .isEqualTo(new RefreshResult.Rejected(RejectionCause.SESSION_INVALID));
        assertExactlyOneTokenPost();
    }

    @Test
    void otherClientErrorsAreGenericFailuresWithTheCodeOnly() {
        RefreshResult result = refreshAgainst(aResponse().withStatus(400)
                .withBody("{\"error\":\"invalid_request\",\"error_description\":\"BODY_MARKER_x rt_SENTINEL_x\"}"));
        assertThat(result).isEqualTo(new RefreshResult.Failed("Token refresh failed: HTTP 400 (invalid_request)", 400));
    }

    @Test
    void replayWithRetryAfter() {
        RefreshResult result = refreshAgainst(aResponse().withStatus(409).withBody("""
                {"error":"refresh_replay_benign_retry","error_description":"Refresh token was just rotated; reload current token and retry.","retry_after":3}"""));
        assertThat(result).isEqualTo(new RefreshResult.Replay(3));
        assertExactlyOneTokenPost();
    }

    @Test
    void replayWithoutOrWithMalformedRetryAfterReadsZero() {
        assertThat(refreshAgainst(aResponse().withStatus(409).withBody("{\"error\":\"refresh_replay_benign_retry\"}")))
                .isEqualTo(new RefreshResult.Replay(0));
        assertThat(refreshAgainst(aResponse().withStatus(409)
                        .withBody("{\"error\":\"refresh_replay_benign_retry\",\"retry_after\":\"soon\"}")))
                .isEqualTo(new RefreshResult.Replay(0));
        assertThat(refreshAgainst(aResponse().withStatus(409)
                        .withBody("{\"error\":\"refresh_replay_benign_retry\",\"retry_after\":-4}")))
                .isEqualTo(new RefreshResult.Replay(0));
    }

    @Test
    void a409WithAnotherErrorIsAGenericFailure() {
        assertThat(refreshAgainst(aResponse().withStatus(409).withBody("{\"error\":\"conflict\"}")))
                .isEqualTo(new RefreshResult.Failed("Token refresh failed: HTTP 409 (conflict)", 409));
    }

    @Test
    void serverErrorIsAFailureWithoutTheBodyAndIsNotRetried() {
        RefreshResult result = refreshAgainst(aResponse().withStatus(500).withBody("Traceback BODY_MARKER_x rt_SENTINEL_x"));
        assertThat(result).isEqualTo(new RefreshResult.Failed("Token refresh failed: HTTP 500", 500));
        assertExactlyOneTokenPost();
    }

    @Test
    void badGatewayHtmlIsAFailureAndIsNotRetried() {
        RefreshResult result = refreshAgainst(aResponse().withStatus(502)
                .withHeader("Content-Type", "text/html")
                .withBody("<html><body>BODY_MARKER_x Bad gateway</body></html>"));
        assertThat(result).isEqualTo(new RefreshResult.Failed("Token refresh failed: HTTP 502", 502));
        assertExactlyOneTokenPost();
    }

    @Test
    void serviceUnavailableIsNotRetriedForTheRefreshPost() {
        refreshAgainst(aResponse().withStatus(503));
        assertExactlyOneTokenPost();
    }

    @Test
    void htmlWith200IsAFailure() {
        RefreshResult result = refreshAgainst(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html")
                .withBody("<html>BODY_MARKER_x login page</html>"));
        assertThat(result).isEqualTo(new RefreshResult.Failed("Refresh response was not JSON.", 200));
    }

    @Test
    void truncatedJsonIsAFailure() {
        RefreshResult result = refreshAgainst(okJson("{\"access_token\":\"at_SENTINEL_x\",\"expires_in\":36"));
        assertThat(result).isEqualTo(new RefreshResult.Failed("Refresh response was not JSON.", 200));
    }

    @Test
    void jsonOfTheWrongShapeIsAFailure() {
        assertThat(refreshAgainst(okJson("[\"at_SENTINEL_x\"]")))
                .isEqualTo(new RefreshResult.Failed("Refresh response was not JSON.", 200));
        assertThat(refreshAgainst(okJson("{\"access_token\":{\"value\":\"at_SENTINEL_x\"}}")))
                .isEqualTo(new RefreshResult.Failed("Refresh response missing 'access_token'", 200));
        assertThat(refreshAgainst(okJson("{\"token\":\"at_SENTINEL_x\"}")))
                .isEqualTo(new RefreshResult.Failed("Refresh response missing 'access_token'", 200));
    }

    @Test
    void absurdExpiresInIsRejected() {
        for (String expiresIn : new String[] {"-1", "999999999999", "\"soon\"", "1.5", "true"}) {
            RefreshResult result = refreshAgainst(okJson("{\"access_token\":\"at_SENTINEL_x\",\"expires_in\":" + expiresIn + "}"));
            assertThat(result).as(expiresIn)
                    .isEqualTo(new RefreshResult.Failed("Refresh response has invalid 'expires_in'", 200));
        }
    }

    @Test
    void badRefreshExpiryTimestampIsAFailureNotACrash() {
        RefreshResult result = refreshAgainst(okJson(
                "{\"access_token\":\"at_SENTINEL_x\",\"expires_in\":60,\"refresh_token_expires_at\":\"next tuesday\"}"));
        assertThat(result).isEqualTo(new RefreshResult.Failed(TokenLifetimes.BAD_EXPIRES_AT, 200));
    }

    @Test
    void aResponseSlowerThanTheTimeoutIsATransportFailureSentExactlyOnce() throws InterruptedException {
        RefreshResult result = refreshAgainst(okJson("{\"access_token\":\"at_SENTINEL_x\"}").withFixedDelay(SLOW_MILLIS));

        assertThat(result).isInstanceOf(RefreshResult.TransportFailed.class);
        assertThat(((RefreshResult.TransportFailed) result).message()).startsWith("Network error during refresh: ");
        Thread.sleep(SLOW_MILLIS + 300); // long enough for any (forbidden) automatic retry to have reached the server
        assertExactlyOneTokenPost();
    }

    @Test
    void connectionResetIsATransportFailureSentExactlyOnce() {
        RefreshResult result = refreshAgainst(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        assertThat(result).isInstanceOf(RefreshResult.TransportFailed.class);
        assertExactlyOneTokenPost();
    }

    @Test
    void garbageThenCloseIsATransportFailure() {
        RefreshResult result = refreshAgainst(aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE));
        assertThat(result).isInstanceOf(RefreshResult.TransportFailed.class);
    }

    @Test
    void unreachableServerIsATransportFailure() {
        int port = server.port();
        server.stop();
        RefreshResult result = seen(oauth.refresh(secret(REFRESH)));
        assertThat(result).isInstanceOf(RefreshResult.TransportFailed.class);
        assertThat(((RefreshResult.TransportFailed) result).message()).doesNotContain(Integer.toString(port));
        server.start(); // let the shared teardown stop it
    }

    @Test
    void anEnormousBodyIsCappedAndReported() {
        String huge = "{\"access_token\":\"at_SENTINEL_x\",\"pad\":\"" + "x".repeat(400 * 1024) + "\"}";
        RefreshResult result = refreshAgainst(okJson(huge));
        assertThat(result).isEqualTo(new RefreshResult.Failed("Token refresh failed: HTTP 200 (response too large)", 200));
    }

    @Test
    void aRedirectIsNotFollowed() {
        var elsewhere = new com.github.tomakehurst.wiremock.WireMockServer(
                com.github.tomakehurst.wiremock.core.WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        elsewhere.start();
        try {
            RefreshResult result = refreshAgainst(aResponse().withStatus(307)
                    .withHeader("Location", "http://127.0.0.1:" + elsewhere.port() + "/steal"));
            assertThat(result).isEqualTo(new RefreshResult.Failed("Token refresh failed: HTTP 307", 307));
            assertThat(elsewhere.getAllServeEvents()).isEmpty();
        } finally {
            elsewhere.stop();
        }
    }
}

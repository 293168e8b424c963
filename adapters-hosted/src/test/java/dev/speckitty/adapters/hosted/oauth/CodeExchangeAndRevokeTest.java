package dev.speckitty.adapters.hosted.oauth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.speckitty.adapters.hosted.HostedWireMockTest;
import dev.speckitty.domain.auth.AuthFlowException;
import dev.speckitty.domain.auth.AuthorizationRequest;
import dev.speckitty.domain.auth.RevokeOutcome;
import dev.speckitty.domain.auth.TokenGrant;
import org.junit.jupiter.api.Test;

class CodeExchangeAndRevokeTest extends HostedWireMockTest {

    private final AuthorizationRequest request = new AuthorizationRequest(
            "http://127.0.0.1:28888/callback", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", secret(STATE), secret(VERIFIER));

    private void token(ResponseDefinitionBuilder answer) {
        server.stubFor(post(urlEqualTo("/oauth/token")).willReturn(answer));
    }

    private RevokeOutcome revoke(ResponseDefinitionBuilder answer) {
        server.stubFor(post(urlEqualTo("/oauth/revoke")).willReturn(answer));
        return oauth.revoke(secret(REFRESH));
    }

    @Test
    void authorizationUrlHasTheContractOrderAndEncoding() {
        String url = oauth.authorizationUrl(request);
        assertThat(url).isEqualTo(baseUrl() + "/oauth/authorize?client_id=cli_native"
                + "&redirect_uri=http%3A%2F%2F127.0.0.1%3A28888%2Fcallback&response_type=code&scope=offline_access"
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256"
                + "&state=state_SENTINEL_x");
        assertThat(oauth.discovered()).isFalse();
    }

    @Test
    void exchangeSendsTheContractFormAndValidatesTheGrant() {
        token(okJson("{\"access_token\":\"at_SENTINEL_x\",\"refresh_token\":\"rt_SENTINEL_x\",\"expires_in\":900,"
                + "\"session_id\":\"sess-9\",\"refresh_token_expires_in\":7776000,\"generation\":1}"));

        TokenGrant grant = seen(oauth.exchangeAuthorizationCode(secret(AUTH_CODE), request));

        assertThat(grant.expiresInSeconds()).isEqualTo(900L);
        assertThat(grant.refreshTokenExpiresInSeconds()).isEqualTo(7776000L);
        assertThat(grant.refreshTokenExpiresAt()).isNull();
        assertThat(grant.generation()).isEqualTo(1L);
        server.verify(postRequestedFor(urlEqualTo("/oauth/token"))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withRequestBody(equalTo("grant_type=authorization_code&code=code_SENTINEL_x"
                        + "&redirect_uri=http%3A%2F%2F127.0.0.1%3A28888%2Fcallback&client_id=cli_native"
                        + "&code_verifier=ver_SENTINEL_x")));
    }

    @Test
    void exchangeFailureHasStatusAndCodeOnly() {
        token(aResponse().withStatus(400).withBody("{\"error\":\"invalid_grant\",\"error_description\":\"BODY_MARKER_x code_SENTINEL_x\"}"));
        assertThat(thrown(AuthFlowException.class, () -> oauth.exchangeAuthorizationCode(secret(AUTH_CODE), request)))
                .hasMessage("Token exchange failed: HTTP 400 (invalid_grant)");
    }

    @Test
    void exchangeErrorCodeThatLooksOddIsDropped() {
        token(aResponse().withStatus(400).withBody("{\"error\":\"<script>BODY_MARKER_x</script>\"}"));
        assertThat(thrown(AuthFlowException.class, () -> oauth.exchangeAuthorizationCode(secret(AUTH_CODE), request)))
                .hasMessage("Token exchange failed: HTTP 400");
    }

    @Test
    void exchangeInvalidJsonAndMissingFields() {
        token(okJson("{\"access_token\":"));
        assertThat(thrown(AuthFlowException.class, () -> oauth.exchangeAuthorizationCode(secret(AUTH_CODE), request)))
                .hasMessage("Token exchange returned invalid JSON.");
        token(okJson("{\"refresh_token\":\"rt_SENTINEL_x\"}"));
        assertThat(thrown(AuthFlowException.class, () -> oauth.exchangeAuthorizationCode(secret(AUTH_CODE), request)))
                .hasMessage("Token response missing required fields: [access_token, expires_in]");
        token(okJson("{\"access_token\":\"at_SENTINEL_x\",\"refresh_token\":\"rt_SENTINEL_x\",\"expires_in\":900,"
                + "\"session_id\":\"s\",\"refresh_token_expires_at\":\"2030-13-45\"}"));
        assertThat(thrown(AuthFlowException.class, () -> oauth.exchangeAuthorizationCode(secret(AUTH_CODE), request)))
                .hasMessage(TokenLifetimes.BAD_EXPIRES_AT);
    }

    @Test
    void exchangeTransportFailureIsNotRetried() {
        token(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        assertThat(thrown(AuthFlowException.class, () -> oauth.exchangeAuthorizationCode(secret(AUTH_CODE), request)).getMessage())
                .startsWith("Network error during code exchange: ");
        server.verify(1, postRequestedFor(urlEqualTo("/oauth/token")));
    }

    @Test
    void revokeSendsTokenHintAndClientIdWithoutAuthorization() {
        // decision 16: a public client names itself (RFC 7009 §2.1, RFC 6749 §2.3.1); spec-kitty's server accepts it
        assertThat(revoke(okJson("{\"revoked\":true}"))).isEqualTo(RevokeOutcome.REVOKED);
        server.verify(1, postRequestedFor(urlEqualTo("/oauth/revoke"))
                .withRequestBody(equalTo("token=rt_SENTINEL_x&token_type_hint=refresh_token&client_id=cli_native"))
                .withoutHeader("Authorization"));
    }

    @Test
    void aStandardsServerConfirmsRevocationWithAnEmpty200() {
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/.well-known/oauth-authorization-server"))
                .willReturn(okJson(StandardsMetadata.json(baseUrl()))));
        server.stubFor(post(urlEqualTo("/oauth2/revoke")).willReturn(aResponse().withStatus(200)));
        assertThat(oauth.revoke(secret(REFRESH))).isEqualTo(RevokeOutcome.REVOKED);
        server.stubFor(post(urlEqualTo("/oauth2/revoke")).willReturn(okJson("{\"revoked\":false}")));
        assertThat(oauth.revoke(secret(REFRESH))).as("a 'revoked' field still decides").isEqualTo(RevokeOutcome.SERVER_FAILURE);
        server.stubFor(post(urlEqualTo("/oauth2/revoke")).willReturn(aResponse().withStatus(401)
                .withBody("{\"error\":\"invalid_client\"}")));
        assertThat(oauth.revoke(secret(REFRESH))).isEqualTo(RevokeOutcome.SERVER_FAILURE);
        server.verify(3, postRequestedFor(urlEqualTo("/oauth2/revoke"))
                .withRequestBody(containing("client_id=cli_native")));
    }

    @Test
    void aStandardsLoginGrantNeedsNoSessionId() {
        token(okJson("{\"access_token\":\"at_SENTINEL_x\",\"refresh_token\":\"rt_SENTINEL_x\",\"expires_in\":300,"
                + "\"token_type\":\"Bearer\",\"scope\":\"offline_access\"}"));
        TokenGrant grant = seen(oauth.exchangeAuthorizationCode(secret(AUTH_CODE), request));
        assertThat(grant.sessionId()).isNull();
        assertThat(grant.refreshTokenExpiresAt()).isNull();
        assertThat(grant.refreshTokenExpiresInSeconds()).isNull();
        assertThat(grant.generation()).isNull();
    }

    @Test
    void revokeOutcomes() {
        assertThat(revoke(okJson("{\"revoked\":\"true\"}"))).isEqualTo(RevokeOutcome.SERVER_FAILURE);
        assertThat(revoke(okJson("{}"))).isEqualTo(RevokeOutcome.SERVER_FAILURE);
        assertThat(revoke(aResponse().withStatus(200).withBody("ok"))).isEqualTo(RevokeOutcome.SERVER_FAILURE);
        assertThat(revoke(aResponse().withStatus(400).withBody("{\"error\":\"invalid_request\"}"))).isEqualTo(RevokeOutcome.SERVER_FAILURE);
        assertThat(revoke(aResponse().withStatus(429).withBody("{\"error\":\"throttled\"}"))).isEqualTo(RevokeOutcome.SERVER_FAILURE);
        assertThat(revoke(aResponse().withStatus(503))).isEqualTo(RevokeOutcome.SERVER_FAILURE);
        assertThat(revoke(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))).isEqualTo(RevokeOutcome.NETWORK_ERROR);
        assertThat(revoke(okJson("{\"revoked\":true}").withFixedDelay(SLOW_MILLIS))).isEqualTo(RevokeOutcome.NETWORK_ERROR);
    }

    @Test
    void revokeIsNeverRetried() {
        revoke(aResponse().withStatus(503));
        server.verify(1, postRequestedFor(urlEqualTo("/oauth/revoke")));
    }

    @Test
    void blankRefreshTokenSendsNothing() {
        assertThat(oauth.revoke(secret(" "))).isEqualTo(RevokeOutcome.NO_REFRESH_TOKEN);
        assertThat(oauth.revoke(null)).isEqualTo(RevokeOutcome.NO_REFRESH_TOKEN);
        assertThat(server.getAllServeEvents()).isEmpty();
    }
}

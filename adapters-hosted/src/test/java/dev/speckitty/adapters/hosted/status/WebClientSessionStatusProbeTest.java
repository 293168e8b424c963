package dev.speckitty.adapters.hosted.status;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.speckitty.adapters.hosted.HostedWireMockTest;
import dev.speckitty.domain.auth.ServerSessionStatus;
import org.junit.jupiter.api.Test;

class WebClientSessionStatusProbeTest extends HostedWireMockTest {

    private ServerSessionStatus check(ResponseDefinitionBuilder answer) {
        server.stubFor(get(urlEqualTo("/api/v1/session-status")).willReturn(answer));
        return seen(sessionStatus.check(secret(ACCESS)));
    }

    @Test
    void activeSessionShowsOnlyTheSessionId() {
        ServerSessionStatus status = check(okJson("""
                {"session_id":"sess-7","status":"active","current_generation":3,"token_family_id":"fam_SENTINEL_x"}"""));
        assertThat(status).isEqualTo(ServerSessionStatus.active("sess-7"));
        server.verify(getRequestedFor(urlEqualTo("/api/v1/session-status"))
                .withHeader("Authorization", equalTo("Bearer at_SENTINEL_x")));
    }

    @Test
    void mapping() {
        assertThat(check(aResponse().withStatus(200).withBody("<html>BODY_MARKER_x</html>")))
                .isEqualTo(ServerSessionStatus.failed("Invalid response from server"));
        assertThat(check(aResponse().withStatus(401).withBody("{\"error\":\"BODY_MARKER_x\"}")))
                .isEqualTo(ServerSessionStatus.failed("re-authenticate"));
        assertThat(check(aResponse().withStatus(403).withBody("BODY_MARKER_x")))
                .isEqualTo(ServerSessionStatus.failed("Server returned HTTP 403"));
        assertThat(check(aResponse().withStatus(500).withBody("BODY_MARKER_x")))
                .isEqualTo(ServerSessionStatus.failed("Server returned HTTP 500"));
    }

    @Test
    void transportFailureNamesTheExceptionTypeOnly() {
        ServerSessionStatus status = check(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        assertThat(status.active()).isFalse();
        assertThat(status.error()).matches("Network error: [A-Za-z]+Exception");
    }

    @Test
    void timeoutIsANetworkError() {
        assertThat(check(okJson("{}").withFixedDelay(SLOW_MILLIS)).error()).startsWith("Network error: ");
    }

    @Test
    void gatewayErrorsAreRetried() {
        assertThat(check(aResponse().withStatus(504))).isEqualTo(ServerSessionStatus.failed("Server returned HTTP 504"));
        server.verify(3, getRequestedFor(urlEqualTo("/api/v1/session-status")));
    }

    @Test
    void unauthorisedIsNotRetried() {
        check(aResponse().withStatus(401));
        server.verify(1, getRequestedFor(urlEqualTo("/api/v1/session-status")));
    }

    @Test
    void recoversAfterOneUnavailable() {
        server.stubFor(get(urlEqualTo("/api/v1/session-status")).inScenario("s").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        server.stubFor(get(urlEqualTo("/api/v1/session-status")).inScenario("s").whenScenarioStateIs("up")
                .willReturn(okJson("{\"session_id\":\"s-2\"}")));
        assertThat(seen(sessionStatus.check(secret(ACCESS)))).isEqualTo(ServerSessionStatus.active("s-2"));
        server.verify(2, getRequestedFor(urlEqualTo("/api/v1/session-status")));
    }
}

package dev.speckitty.adapters.hosted.membership;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.speckitty.adapters.hosted.HostedWireMockTest;
import dev.speckitty.domain.auth.AuthFlowException;
import dev.speckitty.domain.auth.Membership;
import dev.speckitty.domain.session.Team;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebClientMembershipDirectoryTest extends HostedWireMockTest {

    private void me(ResponseDefinitionBuilder answer) {
        server.stubFor(get(urlEqualTo("/api/v1/me")).willReturn(answer));
    }

    private String fetchFailure() {
        return thrown(AuthFlowException.class, () -> membership.fetch(secret(ACCESS))).getMessage();
    }

    @Test
    void validIdentityAndTeamsAreReadWithTheBearer() {
        me(okJson("""
                {"user_id":"u-1","email":"ada@example.test","name":"Ada","session_id":"ignored",
                 "refresh_token_expires_at":"2030-06-01T00:00:00Z",
                 "teams":[{"id":"t-1","name":"Shared","role":"member"},
                          {"id":42,"name":"Ada (private)","role":"owner","is_private_teamspace":true}]}"""));

        Membership result = seen(membership.fetch(secret(ACCESS)));

        assertThat(result.userId()).isEqualTo("u-1");
        assertThat(result.email()).isEqualTo("ada@example.test");
        assertThat(result.name()).isEqualTo("Ada");
        assertThat(result.refreshTokenExpiresAt()).isEqualTo(Instant.parse("2030-06-01T00:00:00Z"));
        assertThat(result.teams()).containsExactly(
                new Team("t-1", "Shared", "member", false), new Team("42", "Ada (private)", "owner", true));
        server.verify(getRequestedFor(urlEqualTo("/api/v1/me")).withHeader("Authorization", equalTo("Bearer at_SENTINEL_x")));
    }

    @Test
    void nameDefaultsToEmailAndEmptyTeamsAreReturned() {
        me(okJson("{\"user_id\":\"u\",\"email\":\"e@x.test\",\"teams\":[]}"));
        Membership result = membership.fetch(secret(ACCESS));
        assertThat(result.name()).isEqualTo("e@x.test");
        assertThat(result.teams()).isEmpty();
        assertThat(result.refreshTokenExpiresAt()).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"email":"e@x.test","teams":[]}                                             | User info response missing required field 'user_id'.
            {"user_id":"u","teams":[]}                                                  | User info response missing required field 'email'.
            {"user_id":"u","email":7,"teams":[]}                                        | User info response missing required field 'email'.
            {"user_id":"u","email":"e","teams":{"id":"t"}}                              | User info response field 'teams' must be a list.
            {"user_id":"u","email":"e","teams":"t-1"}                                   | User info response field 'teams' must be a list.
            {"user_id":"u","email":"e","teams":["t-1"]}                                 | User info response team entry must be an object.
            {"user_id":"u","email":"e","teams":[null]}                                  | User info response team entry must be an object.
            {"user_id":"u","email":"e","teams":[{"id":"t","name":"n"}]}                 | User info response missing required team field 'role'.
            {"user_id":"u","email":"e","teams":[{"name":"n","role":"r"}]}               | User info response missing required team field 'id'.
            {"user_id":"u","email":"e","teams":[{"id":"t","role":"r"}]}                 | User info response missing required team field 'name'.
            {"user_id":"u","email":"e","teams":[],"refresh_token_expires_at":"soon"}    | Refresh token expiry field 'refresh_token_expires_at' must be an ISO-8601 timestamp.
            ["u","e"]                                                                   | User info response must be a JSON object.
            "BODY_MARKER_x"                                                             | User info response must be a JSON object.
            {"user_id":"u","email":                                                     | User info response was not JSON.
            """)
    void malformedShapesAreClearFailures(String body, String message) {
        me(okJson(body));
        assertThat(fetchFailure()).isEqualTo(message);
    }

    @Test
    void htmlIsNotJson() {
        me(aResponse().withStatus(200).withBody("<html>BODY_MARKER_x</html>"));
        assertThat(fetchFailure()).isEqualTo("User info response was not JSON.");
    }

    @Test
    void nonOkIsTheStatusOnly() {
        me(aResponse().withStatus(401).withBody("{\"error\":\"invalid_token\",\"detail\":\"BODY_MARKER_x at_SENTINEL_x\"}"));
        assertThat(fetchFailure()).isEqualTo("User info fetch failed: HTTP 401");
        server.verify(1, getRequestedFor(urlEqualTo("/api/v1/me")));
    }

    @Test
    void unavailableIsRetriedThreeTimes() {
        me(aResponse().withStatus(503).withBody("BODY_MARKER_x"));
        assertThat(fetchFailure()).isEqualTo("User info fetch failed: HTTP 503");
        server.verify(3, getRequestedFor(urlEqualTo("/api/v1/me")));
    }

    @Test
    void badGatewayHtmlThenSuccessRecovers() {
        server.stubFor(get(urlEqualTo("/api/v1/me")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(502).withBody("<html>BODY_MARKER_x</html>")).willSetStateTo("up"));
        server.stubFor(get(urlEqualTo("/api/v1/me")).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(okJson("{\"user_id\":\"u\",\"email\":\"e@x.test\",\"teams\":[]}")));

        assertThat(membership.fetch(secret(ACCESS)).userId()).isEqualTo("u");
        server.verify(2, getRequestedFor(urlEqualTo("/api/v1/me")));
    }

    @Test
    void transportFailuresAreRetriedThenReported() {
        me(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        assertThat(fetchFailure()).startsWith("Network error fetching user info: ");
        server.verify(3, getRequestedFor(urlEqualTo("/api/v1/me")));
    }

    @Test
    void slowAnswerTimesOut() {
        me(okJson("{}").withFixedDelay(SLOW_MILLIS));
        assertThat(fetchFailure()).startsWith("Network error fetching user info: ");
    }

    @Test
    void redirectIsNotFollowedAndTheBearerGoesNowhereElse() {
        WireMockServer elsewhere = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        elsewhere.start();
        try {
            me(aResponse().withStatus(302).withHeader("Location", "http://127.0.0.1:" + elsewhere.port() + "/steal"));
            assertThat(fetchFailure()).isEqualTo("User info fetch failed: HTTP 302");
            assertThat(elsewhere.getAllServeEvents()).isEmpty();
            server.verify(1, getRequestedFor(urlEqualTo("/api/v1/me")));
        } finally {
            elsewhere.stop();
        }
    }

    @Test
    void enormousBodyIsCapped() {
        String teams = String.join(",", java.util.Collections.nCopies(6000,
                "{\"id\":\"team-identifier\",\"name\":\"A team with a long name\",\"role\":\"member\"}"));
        me(okJson("{\"user_id\":\"u\",\"email\":\"e\",\"teams\":[" + teams + "]}"));
        assertThat(fetchFailure()).isEqualTo("User info response was too large.");
        assertThat(List.of(teams.length())).allMatch(n -> n > 256 * 1024);
    }
}

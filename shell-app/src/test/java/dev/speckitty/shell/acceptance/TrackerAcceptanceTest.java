package dev.speckitty.shell.acceptance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.speckitty.shell.support.CliProcess;
import dev.speckitty.shell.support.JsonDocuments;
import dev.speckitty.shell.support.NoTokenLeak;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Scenario group C of docs/spec/behaviour.md §7 (tracker-bound commands) with the built CLI as a process
 * against the fake hosted server: the readiness gate, one forced refresh on a 401, envelopes and
 * the 429 wait.
 */
@ExtendWith(NoTokenLeak.class)
class TrackerAcceptanceTest {

    static final String TRACKER_BOUND = AcceptanceSandbox.PROJECT_CONFIG + "tracker:\n  provider: linear\n  binding_ref: lin-1\n";
    static final String EXPIRED = "Session expired. Run `spec-kitty auth login` to re-authenticate.";

    @TempDir
    static Path tempDir;
    static FakeHostedServer server;

    @BeforeAll
    static void start() {
        server = new FakeHostedServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void resetServer() {
        server.reset();
    }

    @Test
    void c1_loggedOutOnAConnectedTrackerBoundRepoIsTheLoggedOutCaseWithNoRequest() {
        AcceptanceSandbox sandbox = AcceptanceSandbox.fx(tempDir, "c1", server.baseUrl()).writeConfig(TRACKER_BOUND);

        for (String command : List.of("status", "pull")) {
            CliProcess.Result result = sandbox.run("tracker", command);

            // The same exit and machine line as sync now (issue 15), after the reason in words.
            assertThat(result.exitCode()).as(result.describe()).isEqualTo(4);
            assertThat(result.stderr().lines()).as(result.describe()).containsExactly(
                    "Not logged in: there is no session on this machine (never logged in, logged out, or the server "
                            + "revoked it).",
                    "spec-kitty: logged_out_on_connected_teamspace teamspace=acme/spec-kitty command=tracker "
                            + command + " action=run-spec-kitty-auth-login");
            assertThat(result.stdout()).isEmpty();
        }
        assertThat(server.journal()).isEmpty();
    }

    @Test
    void c1_loggedOutWithoutAConnectedTeamspaceStopsAtTheReadinessGate() {
        AcceptanceSandbox sandbox = AcceptanceSandbox.bare(tempDir, "c1-bare", server.baseUrl());

        CliProcess.Result result = sandbox.run("tracker", "status");

        assertThat(result.exitCode()).as(result.describe()).isEqualTo(1);
        assertThat(result.stderr()).as(result.describe()).contains("No SaaS authentication token is present.",
                "Not logged in: there is no session on this machine", "Run `spec-kitty auth login`.");
        assertThat(result.stdout() + result.stderr()).doesNotContain("server_error").doesNotContain("HTTP 5");
        assertThat(server.journal()).isEmpty();
    }

    // c0 (sync not enabled) runs in-process: inprocess.TrackerCommandsTest.statusWithSyncNotEnabled...

    @Test
    void c3_a401AfterTheOneForcedRefreshIsSessionExpired() {
        AcceptanceSandbox sandbox = trackerBound("c3");
        server.wireMock().stubFor(post(urlPathEqualTo(FakeHostedServer.TOKEN)).willReturn(okJson(
                "{\"access_token\":\"at_SENTINEL_2\",\"refresh_token\":\"rt_SENTINEL_2\",\"expires_in\":900,"
                        + "\"token_type\":\"Bearer\"}")));
        server.wireMock().stubFor(get(urlPathEqualTo(FakeHostedServer.TRACKER_STATUS))
                .willReturn(json(401, "{\"error_code\":\"unauthorized\",\"message\":\"Token invalid\"}")));

        CliProcess.Result result = sandbox.run("tracker", "status", "--json");

        assertThat(result.exitCode()).as(result.describe()).isEqualTo(1);
        assertThat(result.stderr()).contains(EXPIRED);
        JsonNode document = JsonDocuments.single(result.stdout()).path("error");
        assertThat(document.path("code").asString()).isEqualTo("session_expired");
        assertThat(document.path("message").asString()).isEqualTo(EXPIRED);
        assertThat(document.path("action").asString()).isEqualTo("Run spec-kitty auth login.");
        assertThat(document.has("status_code")).as("the one error shape").isFalse();
        List<String> hosted = server.journal().stream()
                .filter(line -> line.contains(FakeHostedServer.TRACKER_STATUS) || line.contains(FakeHostedServer.TOKEN))
                .toList();
        assertThat(hosted).as("exactly one refresh between the two tracker calls: " + server.journal())
                .containsExactly("GET " + FakeHostedServer.TRACKER_STATUS, "POST " + FakeHostedServer.TOKEN,
                        "GET " + FakeHostedServer.TRACKER_STATUS);
        List<LoggedRequest> trackerCalls = trackerCalls();
        assertThat(trackerCalls.get(0).getHeader("Authorization")).isEqualTo("Bearer at_SENTINEL_1");
        assertThat(trackerCalls.get(1).getHeader("Authorization")).isEqualTo("Bearer at_SENTINEL_2");
        assertThat(trackerCalls).allSatisfy(call -> assertThat(call.getHeader("X-Team-Slug")).isEqualTo("t-private"));
    }

    // c4 (500 envelope, non-JSON 500) runs in-process: inprocess.TrackerCommandsTest.serverErrorsAreReported...

    @Test
    void c5_a429IsWaitedOutOnceThenTheAnswerIsUsed() {
        AcceptanceSandbox sandbox = trackerBound("c5");
        sequence(json(429, "{\"message\":\"Rate limited\",\"retry_after_seconds\":1}"),
                okJson("{\"provider\":\"linear\",\"items\":0}"));

        CliProcess.Result result = sandbox.run("tracker", "status", "--json");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(JsonDocuments.single(result.stdout()).path("provider").asString()).isEqualTo("linear");
        List<LoggedRequest> calls = trackerCalls();
        assertThat(calls).hasSize(2);
        long waitedMillis = calls.get(1).getLoggedDate().getTime() - calls.get(0).getLoggedDate().getTime();
        assertThat(waitedMillis).as("retry_after_seconds=1 is honoured").isBetween(900L, 5_000L);

        server.reset();
        sequence(json(429, "{\"message\":\"Rate limited\",\"retry_after_seconds\":1}"),
                json(429, "{\"message\":\"Still rate limited\",\"retry_after_seconds\":1}"));

        CliProcess.Result twice = sandbox.run("tracker", "status", "--json");

        assertThat(twice.exitCode()).as(twice.describe()).isEqualTo(1);
        JsonNode document = JsonDocuments.single(twice.stdout()).path("error");
        assertThat(document.path("code").asString()).isEqualTo("rate_limited");
        assertThat(document.path("message").asString()).isEqualTo("Still rate limited");
        assertThat(twice.stderr()).contains("Still rate limited");
        assertThat(trackerCalls()).hasSize(2);
    }

    private static AcceptanceSandbox trackerBound(String name) {
        return AcceptanceSandbox.fx(tempDir, name, server.baseUrl()).writeConfig(TRACKER_BOUND).validSession();
    }

    /** The tracker status endpoint answers {@code first}, then {@code then} for every later call. */
    private static void sequence(ResponseDefinitionBuilder first, ResponseDefinitionBuilder then) {
        server.wireMock().stubFor(get(urlPathEqualTo(FakeHostedServer.TRACKER_STATUS)).inScenario("tracker")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(first).willSetStateTo("answered"));
        server.wireMock().stubFor(get(urlPathEqualTo(FakeHostedServer.TRACKER_STATUS)).inScenario("tracker")
                .whenScenarioStateIs("answered").willReturn(then));
    }

    private static List<LoggedRequest> trackerCalls() {
        return server.requests().stream().filter(r -> r.getUrl().startsWith(FakeHostedServer.TRACKER_STATUS)).toList();
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }
}

package dev.speckitty.shell.acceptance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.shell.support.CliProcess;
import dev.speckitty.shell.support.NoTokenLeak;
import dev.speckitty.testfixtures.Teams;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scenario group D of docs/spec/behaviour.md §7 (logged-out Teamspace guidance, #829) with the built CLI as a
 * process against the fake hosted server. The logged-out FX repository with 3 queued events is
 * shared: a logged-out run never changes the queue (asserted after each run).
 */
@ExtendWith(NoTokenLeak.class)
class LoggedOutGuidanceTest {

    static final String SYNC_NOW_LINE = "spec-kitty: logged_out_on_connected_teamspace teamspace=acme/spec-kitty "
            + "command=sync now action=run-spec-kitty-auth-login";
    static final String MARKER = "logged_out_on_connected_teamspace";

    @TempDir
    static Path tempDir;
    static FakeHostedServer server;
    static AcceptanceSandbox loggedOut;

    @BeforeAll
    static void start() {
        server = new FakeHostedServer();
        loggedOut = AcceptanceSandbox.fx(tempDir, "logged-out", server.baseUrl()).enqueue(3);
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
    void d1_connectedRepoNonInteractiveExits4WithTheOneStructuredLineAndNoHttp() {
        CliProcess.Result result = loggedOut.run("sync", "now");

        assertThat(result.exitCode()).as(result.describe()).isEqualTo(4);
        assertThat(result.stderr().lines().filter(line -> line.contains(MARKER)).toList())
                .as(result.describe()).containsExactly(SYNC_NOW_LINE);
        assertThat(result.stdout()).contains("unauthenticated: 3").doesNotContain("server_error");
        assertThat(server.journal()).as("requests at the fake hosted server").isEmpty();
        assertThat(loggedOut.queuedIds()).containsExactly("evt-1", "evt-2", "evt-3");
    }

    @Test
    void d2_noTeamspaceClassifiesLocallyWritesTheReportExits1AndNeverCreatesTheConfig() throws Exception {
        AcceptanceSandbox bare = AcceptanceSandbox.bare(tempDir, "d2-bare", server.baseUrl()).enqueue(3);
        server.reset();

        CliProcess.Result result = bare.run("sync", "now", "--report", "r.json");

        assertThat(result.exitCode()).as(result.describe()).isEqualTo(1);
        assertThat(result.stderr()).doesNotContain(MARKER);
        assertThat(result.stdout()).contains("spec-kitty auth login", "unauthenticated: 3", "Errors: 3")
                .doesNotContain("server_error");
        JsonNode report = JsonMapper.builder().build().readTree(Files.readString(bare.file("r.json")));
        assertThat(report.path("summary").path("categories").toString()).isEqualTo("{\"unauthenticated\":3}");
        assertThat(server.journal()).isEmpty();
        assertThat(bare.configFile()).doesNotExist();
        assertThat(bare.queuedIds()).hasSize(3);
    }

    @Test
    void d3_withoutAnOriginTheProjectSlugNamesTheTeamspace() {
        AcceptanceSandbox noOrigin = AcceptanceSandbox.bare(tempDir, "d3-no-origin", server.baseUrl())
                .writeConfig(AcceptanceSandbox.PROJECT_CONFIG).enqueue(3);
        server.reset();

        CliProcess.Result result = noOrigin.run("sync", "now");

        assertThat(result.exitCode()).as(result.describe()).isEqualTo(4);
        assertThat(result.stderr()).contains("spec-kitty: logged_out_on_connected_teamspace teamspace=acme-local "
                + "command=sync now action=run-spec-kitty-auth-login");
        assertThat(server.journal()).isEmpty();
    }

    @Test
    void d5_authenticatedUsersNeverSeeTheRecoveryLineEvenWithAnExpiredAccessToken() {
        AcceptanceSandbox expired = AcceptanceSandbox.fx(tempDir, "d5-expired-access", server.baseUrl())
                .session(List.of(Teams.PRIVATE), "t-private", Duration.ofMinutes(-5)).enqueue(2);
        server.reset();
        server.wireMock().stubFor(post(urlPathEqualTo(FakeHostedServer.TOKEN)).willReturn(okJson(
                "{\"access_token\":\"at_SENTINEL_2\",\"refresh_token\":\"rt_SENTINEL_2\",\"expires_in\":900,"
                        + "\"token_type\":\"Bearer\"}")));
        server.batchSucceedsFor(AcceptanceSandbox.eventIds(2));

        CliProcess.Result refreshed = expired.run("sync", "now");

        assertThat(refreshed.exitCode()).as(refreshed.describe()).isZero();
        assertThat(refreshed.stdout()).contains("Synced: 2  Duplicates: 0  Errors: 0");
        assertThat(refreshed.stderr()).doesNotContain(MARKER);
        assertThat(server.count("POST", FakeHostedServer.TOKEN)).isEqualTo(1);
        assertThat(server.count("POST", FakeHostedServer.BATCH)).isEqualTo(1);
        assertThat(expired.queuedIds()).isEmpty();

        // valid session, the server says 401: auth_expired, exit 1, never 4, no recovery line
        AcceptanceSandbox valid = AcceptanceSandbox.fx(tempDir, "d5-valid", server.baseUrl()).validSession().enqueue(2);
        server.reset();
        server.batchAnswers(aResponse().withStatus(401).withBody("{\"detail\":\"Invalid token\"}"));

        CliProcess.Result rejected = valid.run("sync", "now");

        assertThat(rejected.exitCode()).as(rejected.describe()).isEqualTo(1);
        assertThat(rejected.stderr()).doesNotContain(MARKER);
        assertThat(rejected.stdout()).contains("auth_expired: 2").doesNotContain("unauthenticated");
        assertThat(server.count("POST", FakeHostedServer.BATCH)).isEqualTo(1);
    }

    @Test
    void d6_syncDoctorExits4OnAConnectedRepoAnd1WithTheIssueOtherwise() {
        CliProcess.Result connected = loggedOut.run("sync", "doctor");

        assertThat(connected.exitCode()).as(connected.describe()).isEqualTo(4);
        assertThat(connected.stderr()).contains("spec-kitty: logged_out_on_connected_teamspace "
                + "teamspace=acme/spec-kitty command=sync doctor action=run-spec-kitty-auth-login");
        assertNoAuthenticatedTraffic();

        AcceptanceSandbox bare = AcceptanceSandbox.bare(tempDir, "d6-bare", server.baseUrl());
        CliProcess.Result noTeamspace = bare.run("sync", "doctor");

        // A failed check is exit 1 (issue 15; the reference only reported, exit 0).
        assertThat(noTeamspace.exitCode()).as(noTeamspace.describe()).isEqualTo(1);
        assertThat(noTeamspace.stdout()).contains("Not authenticated. Run `spec-kitty auth login`.");
        assertThat(noTeamspace.stderr()).doesNotContain(MARKER);
        assertThat(bare.configFile()).doesNotExist();
        assertNoAuthenticatedTraffic();
    }

    @Test
    void d9_syncStatusCheckExits4OnAConnectedRepo() {
        CliProcess.Result result = loggedOut.run("sync", "status", "--check");

        assertThat(result.exitCode()).as(result.describe()).isEqualTo(4);
        assertThat(result.stderr()).contains("spec-kitty: logged_out_on_connected_teamspace "
                + "teamspace=acme/spec-kitty command=sync status action=run-spec-kitty-auth-login");
        assertNoAuthenticatedTraffic();
    }

    @Test
    void d10_forceInteractiveWinsOverNonInteractiveAndSkipSendsNothingSoExits4() {
        loggedOut.env("SPEC_KITTY_FORCE_INTERACTIVE", "1");
        try {
            CliProcess.Result result = loggedOut.runWithStdin("s\n", "sync", "now");

            assertThat(result.exitCode()).as(result.describe()).isEqualTo(4);
            assertThat(result.stdout()).contains("Logged out on a connected teamspace",
                    "This repo is connected to teamspace acme/spec-kitty, but you are not logged in.",
                    "Command: spec-kitty sync now", "[L]ogin / [S]kip / [Q]uit:");
            assertThat(result.stderr()).doesNotContain(MARKER);
        } finally {
            loggedOut.env("SPEC_KITTY_FORCE_INTERACTIVE", null);
        }
        // NON_INTERACTIVE=true (a truthy spelling other than 1) gives the structured line; the TTY half of
        // the row cannot be reproduced by a child process with a pipe for stdin.
        loggedOut.env("SPEC_KITTY_NON_INTERACTIVE", "true");
        try {
            CliProcess.Result result = loggedOut.runWithStdin("s\n", "sync", "now");

            assertThat(result.exitCode()).as(result.describe()).isEqualTo(4);
            assertThat(result.stderr()).contains(SYNC_NOW_LINE);
        } finally {
            loggedOut.env("SPEC_KITTY_NON_INTERACTIVE", "1");
        }
        assertThat(server.journal()).isEmpty();
        assertThat(loggedOut.queuedIds()).hasSize(3);
    }

    @Test
    void d11_anUnknownAnswerIsAskedAgainAndQuitOrEndOfInputExit4() {
        loggedOut.env("SPEC_KITTY_FORCE_INTERACTIVE", "1");
        try {
            for (String answers : List.of("q\n", "x\n", "x\nquit\n")) {
                CliProcess.Result result = loggedOut.runWithStdin(answers, "sync", "now");

                assertThat(result.exitCode()).as(result.describe()).isEqualTo(4);
                if (answers.startsWith("x")) {
                    assertThat(result.stdout()).as(result.describe()).contains("Please answer L, S or Q.");
                }
                assertThat(result.stdout()).as(result.describe()).contains("[L]ogin / [S]kip / [Q]uit:",
                        "Errors: 3", "unauthenticated: 3  -- Run `spec-kitty auth login` to authenticate");
                assertThat(result.stderr()).doesNotContain(MARKER);
            }
        } finally {
            loggedOut.env("SPEC_KITTY_FORCE_INTERACTIVE", null);
        }
        assertThat(server.journal()).isEmpty();
        assertThat(loggedOut.queuedIds()).hasSize(3);
    }

    /** Logged out, only the unauthenticated health probe may reach the server: no token, /me or batch. */
    private static void assertNoAuthenticatedTraffic() {
        assertThat(server.journal()).allSatisfy(request -> assertThat(request).isEqualTo("GET " + FakeHostedServer.HEALTH));
        assertThat(server.requests()).allSatisfy(r -> assertThat(r.containsHeader("Authorization")).isFalse());
    }
}

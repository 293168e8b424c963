package dev.speckitty.shell.inprocess;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.shell.acceptance.FakeHostedServer;
import dev.speckitty.shell.inprocess.InProcessCli.Result;
import dev.speckitty.shell.runner.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code tracker} commands in-process against WireMock on loopback. */
class TrackerCommandsTest {

    private static FakeHostedServer hosted;

    @TempDir
    Path root;

    @BeforeAll
    static void start() {
        hosted = new FakeHostedServer();
    }

    @AfterAll
    static void stop() {
        hosted.close();
    }

    @BeforeEach
    void reset() {
        hosted.reset();
    }

    /** Logged in, sync enabled, a project with identity, origin and a bound tracker. */
    private InProcessCli trackerBound() {
        InProcessCli cli = InProcessCli.withSession(root, AuthCommandsTest.ada()).hostedAt(hosted.baseUrl())
                .projectFile(".kittify/config.yaml", SyncCommandsTest.PROJECT_CONFIG)
                .projectFile(".git/config", SyncCommandsTest.ORIGIN);
        assertThat(cli.run("tracker", "bind", "--provider", "linear", "--project-slug", "eng").exit())
                .isEqualTo(ExitCode.OK);
        return cli;
    }

    @Test
    void bindWritesTheTrackerIntoTheProjectConfig() throws Exception {
        InProcessCli cli = InProcessCli.in(root).projectFile(".kittify/config.yaml", SyncCommandsTest.PROJECT_CONFIG);
        Result text = cli.run("tracker", "bind", "--provider", "linear", "--project-slug", "eng");
        assertThat(text.exit()).as(text.toString()).isEqualTo(ExitCode.OK);
        assertThat(text.out()).isEqualTo("+ Tracker bound: linear\n");
        assertThat(Files.readString(cli.project().resolve(".kittify/config.yaml"))).contains("linear", "eng");
        Result json = cli.run("tracker", "bind", "--provider", "beads", "--workspace", "w", "--json");
        assertThat(json.json().path("provider").asString()).isEqualTo("beads");
    }

    @Test
    void bindWithoutAReferenceIsAUsageError() {
        Result json = InProcessCli.in(root).projectFile(".kittify/config.yaml", SyncCommandsTest.PROJECT_CONFIG)
                .run("tracker", "bind", "--provider", "linear", "--json");
        assertThat(json.exit()).isEqualTo(ExitCode.USAGE_OR_INTERNAL);
        assertThat(json.error().path("code").asString()).isEqualTo("usage_error");
    }

    @Test
    void statusWithSyncNotEnabledSaysHowToOptInWithoutANetworkCall() {
        InProcessCli cli = InProcessCli.in(root);
        Result text = cli.run("tracker", "status");
        assertThat(text.exit()).as(text.toString()).isEqualTo(ExitCode.OK);
        assertThat(text.out()).contains("SPEC_KITTY_ENABLE_SAAS_SYNC");
        assertThat(cli.run("tracker", "pull", "--json").json().path("status").asString()).isEqualTo("disabled");
    }

    @Test
    void statusShowsTheServersAnswer() {
        hosted.wireMock().stubFor(get(urlPathEqualTo(FakeHostedServer.TRACKER_STATUS))
                .willReturn(okJson("{\"provider\":\"linear\",\"connected\":true}")));
        InProcessCli cli = trackerBound();
        Result text = cli.run("tracker", "status");
        assertThat(text.exit()).as(text.toString()).isEqualTo(ExitCode.OK);
        assertThat(text.out()).contains("linear");
        Result json = cli.run("tracker", "status", "--json");
        assertThat(json.json().path("connected").asBoolean()).isTrue();
    }

    @Test
    void aRefusedCallIsTheOneErrorShapeOfEveryCommand() {
        hosted.wireMock().stubFor(get(urlPathEqualTo(FakeHostedServer.TRACKER_STATUS)).willReturn(aResponse()
                .withStatus(403).withHeader("Content-Type", "application/json")
                .withBody("{\"error_code\":\"forbidden\",\"message\":\"Not a member of this team.\"}")));
        InProcessCli cli = trackerBound();
        Result text = cli.run("tracker", "status");
        assertThat(text.exit()).as(text.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(text.out()).isEmpty();
        assertThat(text.err()).isEqualTo("Not a member of this team.\n");
        Result json = cli.run("tracker", "status", "--json");
        assertThat(json.exit()).as(json.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(json.json().properties()).extracting(java.util.Map.Entry::getKey)
                .containsExactlyInAnyOrder("error", "schema_version");
        assertThat(json.error().properties()).extracting(java.util.Map.Entry::getKey)
                .containsExactly("code", "message", "action");
        assertThat(json.error().path("code").asString()).isEqualTo("forbidden");
        assertThat(json.error().path("message").asString()).isEqualTo("Not a member of this team.");
    }

    @Test
    void anAnswerWithoutACodeIsUnknownNotACrash() {
        hosted.wireMock().stubFor(get(urlPathEqualTo(FakeHostedServer.TRACKER_STATUS)).willReturn(aResponse()
                .withStatus(409).withHeader("Content-Type", "text/plain").withBody("conflict")));
        Result json = trackerBound().run("tracker", "status", "--json");
        assertThat(json.exit()).as(json.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(json.error().path("code").asString()).isEqualTo("unknown");
        assertThat(json.error().path("message").asString()).isEqualTo("HTTP 409");
    }

    @Test
    void loggedOutOnAConnectedTeamspaceExitsFourWithoutARequest() {
        InProcessCli cli = InProcessCli.in(root).hostedAt(hosted.baseUrl())
                .projectFile(".kittify/config.yaml", SyncCommandsTest.PROJECT_CONFIG)
                .projectFile(".git/config", SyncCommandsTest.ORIGIN);
        Result json = cli.run("tracker", "pull", "--json");
        assertThat(json.exit()).as(json.toString()).isEqualTo(ExitCode.LOGGED_OUT_ON_CONNECTED_TEAMSPACE);
        assertThat(json.error().path("code").asString()).isEqualTo("logged_out_on_connected_teamspace");
        assertThat(hosted.journal()).noneMatch(request -> request.contains("/tracker/"));
    }
}

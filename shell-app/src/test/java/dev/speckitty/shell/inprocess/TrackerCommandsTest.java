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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The {@code tracker} commands in-process against WireMock on loopback. */
class TrackerCommandsTest {

    @RegisterExtension
    static final LoopbackHosted HOSTED = new LoopbackHosted();

    @TempDir
    Path root;

    private static FakeHostedServer hosted() {
        return HOSTED.server();
    }

    /** Logged in, sync enabled, a project with identity, origin and a bound tracker. */
    private InProcessCli trackerBound() {
        InProcessCli cli = InProcessCli.withSession(root, AuthCommandsTest.ada()).hostedAt(hosted().baseUrl())
                .connectedProject();
        assertThat(cli.run("tracker", "bind", "--provider", "linear", "--project-slug", "eng").exit())
                .isEqualTo(ExitCode.OK);
        return cli;
    }

    @Test
    void bindWritesTheTrackerIntoTheProjectConfig() throws Exception {
        InProcessCli cli = InProcessCli.in(root).projectFile(".kittify/config.yaml", InProcessCli.PROJECT_CONFIG);
        Result text = cli.run("tracker", "bind", "--provider", "linear", "--project-slug", "eng");
        assertThat(text.exit()).as(text.toString()).isEqualTo(ExitCode.OK);
        assertThat(text.out()).isEqualTo("+ Tracker bound: linear\n");
        assertThat(Files.readString(cli.project().resolve(".kittify/config.yaml"))).contains("linear", "eng");
        Result json = cli.run("tracker", "bind", "--provider", "beads", "--workspace", "w", "--json");
        assertThat(json.json().path("provider").asString()).isEqualTo("beads");
    }

    @Test
    void bindWithoutAReferenceIsAUsageError() {
        Result json = InProcessCli.in(root).projectFile(".kittify/config.yaml", InProcessCli.PROJECT_CONFIG)
                .run("tracker", "bind", "--provider", "linear", "--json");
        assertThat(json.exit()).isEqualTo(ExitCode.USAGE_OR_INTERNAL);
        assertThat(json.error().path("code").asString()).isEqualTo("usage_error");
    }

    /** Moved from TrackerAcceptanceTest c0: sync not enabled says how to opt in, exit 0, like sync now; no request. */
    @Test
    void statusWithSyncNotEnabledSaysHowToOptInWithoutANetworkCall() {
        InProcessCli cli = trackerBound().env("SPEC_KITTY_ENABLE_SAAS_SYNC", null);
        hosted().reset();
        Result text = cli.run("tracker", "status");
        assertThat(text.exit()).as(text.toString()).isEqualTo(ExitCode.OK);
        assertThat(text.out()).contains("Hosted SaaS sync is not enabled on this machine.", "SPEC_KITTY_ENABLE_SAAS_SYNC=1");
        assertThat(cli.run("tracker", "pull", "--json").json().path("status").asString()).isEqualTo("disabled");
        assertThat(cli.run("sync", "now").exit()).isEqualTo(ExitCode.OK);
        assertThat(hosted().journal()).isEmpty();
    }

    /** Moved from TrackerAcceptanceTest c4: a 500 envelope and a non-JSON 500, one call each, no refresh. */
    @Test
    void serverErrorsAreReportedWithoutRetryOrRefresh() {
        InProcessCli cli = trackerBound();
        hosted().wireMock().stubFor(get(urlPathEqualTo(FakeHostedServer.TRACKER_STATUS)).willReturn(aResponse()
                .withStatus(500).withHeader("Content-Type", "application/json")
                .withBody("{\"error_code\":\"internal_error\",\"message\":\"Something broke\"}")));
        Result envelope = cli.run("tracker", "status", "--json");
        assertThat(envelope.exit()).as(envelope.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(envelope.err()).contains("Something broke");
        assertThat(envelope.error().path("code").asString()).isEqualTo("internal_error");
        assertThat(envelope.error().path("message").asString()).isEqualTo("Something broke");
        assertThat(envelope.error().has("status_code")).isFalse();
        assertThat(hosted().count("GET", FakeHostedServer.TRACKER_STATUS)).isEqualTo(1);
        assertThat(hosted().count("POST", FakeHostedServer.TOKEN)).isZero();

        hosted().reset();
        hosted().wireMock().stubFor(get(urlPathEqualTo(FakeHostedServer.TRACKER_STATUS)).willReturn(aResponse()
                .withStatus(500).withHeader("Content-Type", "text/html").withBody("<h1>oops</h1>")));
        Result html = cli.run("tracker", "status");
        assertThat(html.exit()).as(html.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(html.err()).contains("HTTP 500").doesNotContain("oops");
        assertThat(hosted().count("GET", FakeHostedServer.TRACKER_STATUS)).isEqualTo(1);
    }

    @Test
    void statusShowsTheServersAnswer() {
        hosted().wireMock().stubFor(get(urlPathEqualTo(FakeHostedServer.TRACKER_STATUS))
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
        hosted().wireMock().stubFor(get(urlPathEqualTo(FakeHostedServer.TRACKER_STATUS)).willReturn(aResponse()
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
        hosted().wireMock().stubFor(get(urlPathEqualTo(FakeHostedServer.TRACKER_STATUS)).willReturn(aResponse()
                .withStatus(409).withHeader("Content-Type", "text/plain").withBody("conflict")));
        Result json = trackerBound().run("tracker", "status", "--json");
        assertThat(json.exit()).as(json.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(json.error().path("code").asString()).isEqualTo("unknown");
        assertThat(json.error().path("message").asString()).isEqualTo("HTTP 409");
    }

    @Test
    void loggedOutOnAConnectedTeamspaceExitsFourWithoutARequest() {
        InProcessCli cli = InProcessCli.in(root).hostedAt(hosted().baseUrl())
                .connectedProject();
        Result json = cli.run("tracker", "pull", "--json");
        assertThat(json.exit()).as(json.toString()).isEqualTo(ExitCode.LOGGED_OUT_ON_CONNECTED_TEAMSPACE);
        assertThat(json.error().path("code").asString()).isEqualTo("logged_out_on_connected_teamspace");
        assertThat(hosted().journal()).noneMatch(request -> request.contains("/tracker/"));
    }
}

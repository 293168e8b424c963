package dev.speckitty.shell.inprocess;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.shell.acceptance.FakeHostedServer;
import dev.speckitty.shell.inprocess.InProcessCli.Result;
import dev.speckitty.shell.runner.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Every {@code sync} command in-process (InProcessCli): its text, its --json document and its exit. */
class SyncCommandsTest {


    @RegisterExtension
    static final LoopbackHosted HOSTED = new LoopbackHosted();

    @TempDir
    Path root;

    private static FakeHostedServer hosted() {
        return HOSTED.server();
    }

    private InProcessCli loggedIn() {
        return InProcessCli.withSession(root, AuthCommandsTest.ada()).hostedAt(hosted().baseUrl());
    }

    /** A repository connected to teamspace acme/spec-kitty (project identity + git origin), logged out. */
    private InProcessCli loggedOutOnAConnectedTeamspace() {
        return InProcessCli.in(root).hostedAt(hosted().baseUrl()).connectedProject();
    }

    private static void enqueue(InProcessCli cli, String... ids) {
        for (String id : ids) {
            assertThat(cli.run("sync", "enqueue", "--event-type", "mission.started", "--event-id", id).exit())
                    .isEqualTo(ExitCode.OK);
        }
    }

    @Test
    void enqueueOneEventFromOptionsAndManyFromStdin() {
        InProcessCli cli = InProcessCli.in(root);
        Result one = cli.run("sync", "enqueue", "--event-type", "mission.started", "--payload", "{\"n\":1}");
        assertThat(one.exit()).as(one.toString()).isEqualTo(ExitCode.OK);
        assertThat(one.out()).isEqualTo("Queued 1 event(s); 1 pending.\n");

        cli.stdin("{\"event_id\":\"e-2\",\"event_type\":\"a\",\"payload\":{}}\n{\"event_id\":\"e-3\",\"event_type\":\"b\",\"payload\":{}}\n");
        Result many = cli.run("sync", "enqueue", "--file", "-", "--json");
        assertThat(many.exit()).as(many.toString()).isEqualTo(ExitCode.OK);
        assertThat(many.json().path("queued").asInt()).isEqualTo(2);
        assertThat(many.json().path("queue_size").asInt()).isEqualTo(3);
        assertThat(cli.queue().size()).isEqualTo(3);
    }

    @Test
    void enqueueRejectsABadLineAndQueuesNothing() throws Exception {
        InProcessCli cli = InProcessCli.in(root);
        Path file = Files.writeString(root.resolve("events.jsonl"), "{\"event_type\":\"a\",\"payload\":{}}\nnot json\n");
        Result text = cli.run("sync", "enqueue", "--file", file.toString());
        assertThat(text.exit()).as(text.toString()).isEqualTo(ExitCode.USAGE_OR_INTERNAL);
        assertThat(text.out()).isEmpty();
        Result json = cli.run("sync", "enqueue", "--file", file.toString(), "--json");
        assertThat(json.error().path("code").asString()).isEqualTo("usage_error");
        Result missing = cli.run("sync", "enqueue", "--file", root.resolve("nope.jsonl").toString(), "--json");
        assertThat(missing.exit()).isEqualTo(ExitCode.FAILED);
        assertThat(missing.error().path("message").asString()).contains("no such file");
        assertThat(cli.queue().size()).isZero();
    }

    @Test
    void statusReportsQueueServerAndAuth() {
        InProcessCli cli = loggedIn();
        enqueue(cli, "e-1");
        Result text = cli.run("sync", "status");
        assertThat(text.exit()).as(text.toString()).isEqualTo(ExitCode.OK);
        assertThat(text.out()).contains("Hosted sync:  enabled", "Server:       " + hosted().baseUrl(),
                "Queue:        1 event(s) pending", "Auth:         Authenticated");
        Result json = cli.run("sync", "status", "--check", "--json");
        assertThat(json.exit()).as(json.toString()).isEqualTo(ExitCode.OK);
        assertThat(json.json().path("queue_size").asInt()).isEqualTo(1);
        assertThat(json.json().path("reachable").asBoolean()).isTrue();
    }

    @Test
    void statusCheckLoggedOutOnAConnectedTeamspaceExitsFour() {
        InProcessCli cli = loggedOutOnAConnectedTeamspace();
        Result text = cli.run("sync", "status", "--check");
        assertThat(text.exit()).as(text.toString()).isEqualTo(ExitCode.LOGGED_OUT_ON_CONNECTED_TEAMSPACE);
        assertThat(text.err()).contains("spec-kitty: logged_out_on_connected_teamspace teamspace=acme/spec-kitty "
                + "command=sync status");
        Result json = cli.run("sync", "status", "--check", "--json");
        assertThat(json.exit()).isEqualTo(ExitCode.LOGGED_OUT_ON_CONNECTED_TEAMSPACE);
        assertThat(json.json().path("auth").asString()).isEqualTo("not_authenticated");
    }

    @Test
    void doctorWithSyncEnabledAndLoggedInFindsNoProblem() {
        Result text = loggedIn().run("sync", "doctor");
        assertThat(text.exit()).as(text.toString()).isEqualTo(ExitCode.OK);
        assertThat(text.out()).contains("Sync doctor", "No problems detected.");
        Result json = loggedIn().run("sync", "doctor", "--json");
        assertThat(json.json().path("problems").isEmpty()).isTrue();
    }

    @Test
    void doctorWithTheServerDownFails() {
        hosted().wireMock().stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(FakeHostedServer.HEALTH))
                .willReturn(aResponse().withStatus(503)));
        Result text = loggedIn().run("sync", "doctor");
        assertThat(text.exit()).as(text.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(text.out()).contains("  ! ");
        Result json = loggedIn().run("sync", "doctor", "--json");
        assertThat(json.exit()).isEqualTo(ExitCode.FAILED);
        assertThat(json.json().path("problems").isEmpty()).isFalse();
    }

    @Test
    void nowWithSyncNotEnabledSaysHowToOptIn() {
        InProcessCli cli = InProcessCli.in(root);
        Result text = cli.run("sync", "now");
        assertThat(text.exit()).as(text.toString()).isEqualTo(ExitCode.OK);
        assertThat(text.out()).contains("SPEC_KITTY_ENABLE_SAAS_SYNC=1");
        Result json = cli.run("sync", "now", "--json");
        assertThat(json.json().path("status").asString()).isEqualTo("disabled");
    }

    @Test
    void nowSendsTheQueueAndReportsEveryEvent() {
        InProcessCli cli = loggedIn();
        enqueue(cli, "e-1", "e-2");
        hosted().batchSucceedsFor(List.of("e-1", "e-2"));
        Result json = cli.run("sync", "now", "--json");
        assertThat(json.exit()).as(json.toString()).isEqualTo(ExitCode.OK);
        assertThat(json.json().path("summary").path("synced").asInt()).isEqualTo(2);
        assertThat(hosted().batchEventIds()).containsExactly(List.of("e-1", "e-2"));
        assertThat(cli.queue().size()).isZero();
        Result empty = cli.run("sync", "now");
        assertThat(empty.out()).isEqualTo("Queue is empty, nothing to sync.\n");
    }

    @Test
    void nowWithRejectedEventsExitsOneUnlessNotStrict() {
        InProcessCli cli = loggedIn();
        enqueue(cli, "e-1");
        hosted().batchAnswers(com.github.tomakehurst.wiremock.client.WireMock.okJson(
                "{\"results\":[{\"event_id\":\"e-1\",\"status\":\"rejected\",\"error\":\"schema\"}]}"));
        Result text = cli.run("sync", "now");
        assertThat(text.exit()).as(text.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(text.out()).contains("Syncing 1 queued event(s)...");
        Result json = cli.run("sync", "now", "--no-strict", "--json");
        assertThat(json.exit()).as(json.toString()).isEqualTo(ExitCode.OK);
        assertThat(json.json().toString()).contains("e-1");
    }

    @Test
    void nowLoggedOutOnAConnectedTeamspaceExitsFourWithOneDocument() {
        InProcessCli cli = loggedOutOnAConnectedTeamspace();
        enqueue(cli, "e-1");
        Result text = cli.run("sync", "now");
        assertThat(text.exit()).as(text.toString()).isEqualTo(ExitCode.LOGGED_OUT_ON_CONNECTED_TEAMSPACE);
        assertThat(text.err()).contains("logged_out_on_connected_teamspace teamspace=acme/spec-kitty command=sync now");
        Result json = cli.run("sync", "now", "--json");
        assertThat(json.exit()).isEqualTo(ExitCode.LOGGED_OUT_ON_CONNECTED_TEAMSPACE);
        assertThat(json.error().path("code").asString()).isEqualTo("logged_out_on_connected_teamspace");
        assertThat(hosted().count("POST", FakeHostedServer.BATCH)).isZero();
    }

    @Test
    void nowAfterALoginAtThePromptSendsTheQueueAndPrintsOneDocument() {
        hosted().tokenEndpointRotatesTo("at_SENTINEL_new", "rt_SENTINEL_new");
        hosted().meAnswers("{\"user_id\":\"u1\",\"email\":\"a@example.test\",\"teams\":[{\"id\":\"t-private\","
                + "\"name\":\"Mine\",\"role\":\"owner\",\"is_private_teamspace\":true}]}");
        hosted().batchSucceedsFor(List.of("e-1"));
        InProcessCli cli = loggedOutOnAConnectedTeamspace().browserApproves().interactiveWithInput("l\n");
        enqueue(cli, "e-1");

        Result json = cli.run("sync", "now", "--json");

        assertThat(json.exit()).as(json.toString()).isEqualTo(ExitCode.OK);
        assertThat(json.json().path("summary").path("synced").asInt()).isEqualTo(1);
        assertThat(json.err()).contains("[L]ogin / [S]kip / [Q]uit:");
        assertThat(hosted().batchEventIds()).containsExactly(List.of("e-1"));
        assertThat(cli.store().stored().email()).isEqualTo("a@example.test");

        enqueue(cli, "e-2");
        cli.store().delete();
        hosted().batchSucceedsFor(List.of("e-2"));
        Result text = cli.run("sync", "now");
        assertThat(text.exit()).as(text.toString()).isEqualTo(ExitCode.OK);
        assertThat(text.out()).contains("Syncing 1 queued event(s)...", "Logged in. Sending the queue now.",
                "Synced: 1");
    }

    @Test
    void nowWithBothStrictnessesIsAUsageError() {
        Result json = loggedIn().run("sync", "now", "--strict", "--no-strict", "--json");
        assertThat(json.exit()).isEqualTo(ExitCode.USAGE_OR_INTERNAL);
        assertThat(json.error().path("code").asString()).isEqualTo("usage_error");
    }
}

package dev.speckitty.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.emulator.Endpoint;
import dev.speckitty.emulator.EmulatorSettings;
import dev.speckitty.emulator.HostedEmulator;
import dev.speckitty.shell.support.CliProcess;
import dev.speckitty.shell.support.CliProcess.Result;
import dev.speckitty.shell.support.JsonDocuments;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Decision 16, identity without {@code /api/v1/me}: the strict emulator answers it 404 and
 * advertises OpenID Connect userinfo. The CLI logs in with the userinfo identity (no teams), and
 * hosted sync then says the Private Teamspace is missing, never {@code server_error}, without a
 * batch ever being sent.
 */
class UserinfoIdentityTest {

    @TempDir
    Path tempDir;

    @Test
    @Timeout(120)
    void loginTakesTheUserinfoIdentityAndSyncReportsTheMissingPrivateTeamspace() throws Exception {
        try (HostedEmulator emulator = HostedEmulator.start(EmulatorSettings.builder().autoApprove(true)
                .standardOnly(true).build())) {
            emulator.switches().meAbsent(true);
            Path box = CliProcess.freshSandbox(tempDir.resolve("box"));
            Files.createDirectories(box.resolve(".kittify"));
            Files.writeString(box.resolve(".kittify/config.yaml"),
                    "project:\n  uuid: 11111111-1111-1111-1111-111111111111\n  slug: acme-local\n");
            Files.createDirectories(box.resolve(".git"));
            Files.writeString(box.resolve(".git/config"), "[remote \"origin\"]\n\turl = git@github.com:acme/spec-kitty.git\n");
            Map<String, String> env = new HashMap<>(Map.of("SPEC_KITTY_SAAS_URL", emulator.baseUrl(),
                    "SPEC_KITTY_ENABLE_SAAS_SYNC", "1", "SPEC_KITTY_NON_INTERACTIVE", "1",
                    "SPEC_KITTY_TEST_EGRESS_LOG", tempDir.resolve("egress.log").toString()));

            Result login = CliProcess.runWith(box, env, "auth", "login", "--headless");
            assertThat(login.exitCode()).as(login.describe()).isZero();
            assertThat(login.stdout()).contains("+ Authenticated as dev@example.com")
                    .contains("Default team: (none: the server reports no teams)");
            assertThat(emulator.counters().calls(Endpoint.USERINFO)).isEqualTo(1);

            JsonNode status = JsonDocuments.single(CliProcess.runWith(box, env, "auth", "status", "--json").stdout());
            assertThat(status.path("user").path("user_id").asString()).isEqualTo(emulator.signedInUser().userId());
            assertThat(status.path("teams").size()).isZero();

            Path events = box.resolve("user/events.jsonl");
            Files.writeString(events, "{\"event_id\":\"evt-1\",\"event_type\":\"mission.started\",\"payload\":{}}\n");
            Result enqueue = CliProcess.runWith(box, env, "sync", "enqueue", "--file", events.toString());
            assertThat(enqueue.exitCode()).as(enqueue.describe()).isZero();

            Result sync = CliProcess.runWith(box, env, "sync", "now", "--json");
            JsonNode report = JsonDocuments.single(sync.stdout());
            assertThat(report.toString()).as(sync.describe()).contains("direct_ingress_missing_private_team")
                    .doesNotContain("server_error");
            assertThat(emulator.counters().calls(Endpoint.EVENTS_BATCH)).as("no batch without a Private Teamspace").isZero();
            assertThat(emulator.counters().calls(Endpoint.SESSION_STATUS)).isZero();
        }
    }
}

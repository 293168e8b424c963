package dev.speckitty.shell.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.domain.session.StoredSession;
import dev.speckitty.domain.session.Team;
import dev.speckitty.emulator.Endpoint;
import dev.speckitty.emulator.GrantType;
import dev.speckitty.emulator.HostedEmulator;
import dev.speckitty.shell.support.CliProcess.Result;
import dev.speckitty.shell.support.JsonDocuments;
import dev.speckitty.shell.support.NoTokenLeak;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * E9, the production membership hook, across a real CLI process: a session without a Private
 * Teamspace asks {@code /api/v1/me} exactly once after the refresh, <em>with the new access token</em>
 * (the old one is expired at the emulator too, so a call with it would be refused), and persists
 * a private team when /me has one; without one in /me nothing changes.
 */
@ExtendWith(NoTokenLeak.class)
class MembershipHookAcrossProcessesTest {

    @TempDir
    static Path tempDir;

    static HostedEmulator emulator;

    private EmulatorSandbox box;

    @BeforeAll
    static void start() {
        emulator = HostedEmulator.start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @BeforeEach
    void resetEmulator() {
        emulator.reset();
    }

    @AfterEach
    void hermetic() throws IOException {
        assertThat(box.egress()).as("non-loopback lookups by the CLI processes").isEmpty();
        NoTokenLeak.alsoScanFor(box.minted.accessToken(), box.minted.refreshToken());
        box.onDisk().ifPresent(s -> NoTokenLeak.alsoScanFor(s.accessToken().reveal(), s.refreshToken().reveal()));
    }

    @Test
    @Timeout(90)
    void aRefreshWithoutAPrivateTeamAsksMeOnceWithTheNewBearerAndPersistsThePrivateTeam() throws Exception {
        box = EmulatorSandbox.seeded(tempDir, emulator, "mehook", Duration.ofSeconds(-1), false);
        emulator.privateTeam(true); // the server now knows the user's Private Teamspace
        emulator.expireAccessTokens(box.minted.sessionId()); // the seeded bearer would get 401 at /me

        Result refresh = box.run("auth", "refresh", "--json");

        assertThat(refresh.exitCode()).as(refresh.describe()).isZero();
        assertThat(JsonDocuments.single(refresh.stdout()).path("outcome").asString()).isEqualTo("refreshed");
        assertThat(emulator.counters().tokensIssued(GrantType.REFRESH_TOKEN)).isEqualTo(1);
        assertThat(emulator.counters().calls(Endpoint.ME)).as("GET /api/v1/me").isEqualTo(1);
        assertThat(refresh.stderr()).contains("membership_fetches=1");
        // The refresh transaction's INFO log line is for a debug log, never the user's stderr.
        assertThat(refresh.stderr().lines().filter(line -> !line.startsWith("spec-kitty-counters")))
                .as("stderr of a successful refresh, besides the debug counters").isEmpty();
        StoredSession onDisk = box.onDisk().orElseThrow();
        assertThat(onDisk.privateTeam()).as("persisted from /me answered to the new bearer").isPresent();
        assertThat(onDisk.defaultTeamId()).isEqualTo(onDisk.privateTeam().orElseThrow().id());

        Result status = box.run("auth", "status", "--json");
        JsonNode document = JsonDocuments.single(status.stdout());
        assertThat(document.path("default_team_id").asString()).isEqualTo(onDisk.defaultTeamId());
        assertThat(document.path("teams").toString()).contains("\"is_private_teamspace\":true");
        assertThat(emulator.counters().calls(Endpoint.ME)).as("status never asks the server").isEqualTo(1);
    }

    @Test
    @Timeout(90)
    void whenMeHasNoPrivateTeamEitherTheSessionKeepsItsTeamsAndTheRefreshStillSucceeds() throws Exception {
        box = EmulatorSandbox.seeded(tempDir, emulator, "menone", Duration.ofSeconds(-1), false);
        List<Team> teamsBefore = box.onDisk().orElseThrow().teams();
        emulator.meOverride(Map.of("user_id", "u-dev", "email", "dev@example.com", "name", "Dev User",
                "teams", List.of(Map.of("id", "t-shared", "name", "Shared", "role", "member",
                        "is_private_teamspace", false))));

        Result refresh = box.run("auth", "refresh", "--json");

        assertThat(refresh.exitCode()).as(refresh.describe()).isZero();
        assertThat(JsonDocuments.single(refresh.stdout()).path("outcome").asString()).isEqualTo("refreshed");
        assertThat(emulator.counters().calls(Endpoint.ME)).as("GET /api/v1/me").isEqualTo(1);
        StoredSession onDisk = box.onDisk().orElseThrow();
        assertThat(onDisk.teams()).isEqualTo(teamsBefore);
        assertThat(onDisk.refreshToken().reveal()).isNotEqualTo(box.minted.refreshToken());
    }
}

package dev.speckitty.shell.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.emulator.Endpoint;
import dev.speckitty.emulator.EmulatorSettings;
import dev.speckitty.emulator.GrantType;
import dev.speckitty.emulator.HostedEmulator;
import dev.speckitty.shell.support.CliProcess;
import dev.speckitty.shell.support.CliProcess.Result;
import dev.speckitty.shell.support.CounterLine;
import dev.speckitty.shell.support.JsonDocuments;
import dev.speckitty.shell.support.NoTokenLeak;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The refresh lock and transaction across real CLI processes against the emulator (docs/spec/behaviour.md
 * §3, scenarios E1, E3, E4, E6, E7 as corrected on 2026-12-06, E8), with foreign holders where a holder
 * is needed (flock(1), the Python second CLI). Hermetic whatever SPEC_KITTY_SAAS_URL the parent has:
 * failsafe runs this class twice: without SPEC_KITTY_SAAS_URL, and with it pointing at the hosted
 * dev deployment (shell-app/pom.xml), each run within 60 s.
 */
@ExtendWith(NoTokenLeak.class)
class RefreshLockConcurrencyTest {

    @TempDir
    static Path tempDir;

    static HostedEmulator emulator;

    @BeforeAll
    static void start() {
        emulator = HostedEmulator.start(EmulatorSettings.builder().replayWindow(Duration.ZERO).build());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static long refreshRequests() {
        return emulator.counters().grantRequests(GrantType.REFRESH_TOKEN);
    }

    @Test
    void theHermeticRunReallyHasTheHostedUrlSet() {
        // The failsafe execution refresh-lock-hosted-url-set names the URL it exports; the other one unsets it.
        String expected = System.getProperty("spec-kitty.expected-hosted-url");
        assertThat(System.getenv("SPEC_KITTY_SAAS_URL")).isEqualTo(expected);
    }

    @Test
    @Timeout(120)
    void aBurstOf8ProcessesSpendsTheRefreshTokenExactlyOnce() throws Exception {
        RefreshBursts.spendTheRefreshTokenOnce(emulator, tempDir, 8);
    }

    /** E6, with a holder we did not write: flock(1) keeps refresh.lock until the test ends. */
    @Test
    @Timeout(150) // a hang guard only: CLI JVMs start in 10-40 s at a load of 30
    void flockUtilityHoldingTheLockIsANonFatalTimeoutThatKeepsTheSession() throws Exception {
        EmulatorSandbox box = EmulatorSandbox.seeded(tempDir, emulator, "contention", Duration.ofSeconds(-1), true);
        long before = refreshRequests();
        Path lockFile = CliProcess.authDirectory(box.sandbox).resolve("refresh.lock");
        // -o: flock(1) itself holds the lock (not its shell), so killing it releases the lock
        // stderr discarded: the shell's `sleep` must not hold the test fork's stderr open after the test
        Process holder = new ProcessBuilder("flock", "-o", lockFile.toString(), "-c", "echo LOCKED; sleep 120")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            assertThat(new java.io.BufferedReader(new java.io.InputStreamReader(holder.getInputStream())).readLine())
                    .isEqualTo("LOCKED");
            long started = System.nanoTime();
            Result refresh = box.run("auth", "refresh", "--json");
            long waited = (System.nanoTime() - started) / 1_000_000;

            assertThat(refresh.exitCode()).as(refresh.describe()).isEqualTo(1);
            JsonNode document = JsonDocuments.single(refresh.stdout());
            assertThat(document.path("error").path("code").asString()).isEqualTo("refresh_lock_timeout");
            assertThat(document.path("error").path("message").asString())
                    .isEqualTo("Another spec-kitty process is refreshing the auth session; retry in a moment.");
            assertThat(waited).isGreaterThanOrEqualTo(9_000);
            assertThat(refreshRequests()).isEqualTo(before);
            assertThat(box.onDisk()).hasValueSatisfying(
                    s -> assertThat(s.refreshToken().reveal()).isEqualTo(box.minted.refreshToken()));
        } finally {
            holder.descendants().forEach(ProcessHandle::destroyForcibly); // the shell and its sleep, not only flock(1)
            holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /**
     * E7 as corrected on 2026-12-06 (the unlink-on-stale takeover is gone; a spec correction): a live
     * holder whose record is 120 s old is never taken over. The holder is the Python second CLI, which
     * writes the reference's record; doctor names it.
     */
    @Test
    @Timeout(150) // a hang guard only: CLI JVMs start in 10-40 s at a load of 30
    void anOldRecordOfALiveHolderIsNeverTakenOver() throws Exception {
        EmulatorSandbox box = EmulatorSandbox.seeded(tempDir, emulator, "oldlive", Duration.ofSeconds(-1), true);
        long before = refreshRequests();
        Path auth = CliProcess.authDirectory(box.sandbox);
        try (ReferenceCli.Holder holder = ReferenceCli.hold(auth, 300, 120)) { // killed at the end
            Object inode = Files.getAttribute(auth.resolve("refresh.lock"), "unix:ino");
            JsonNode lock = JsonDocuments.single(box.run("auth", "doctor", "--json").stdout()).path("refresh_lock");
            assertThat(lock.path("holder_pid").asLong()).isEqualTo(holder.pid());
            assertThat(lock.path("age_s").asDouble()).isGreaterThan(115);

            Result refresh = box.run("auth", "refresh", "--json");

            assertThat(refresh.exitCode()).as(refresh.describe()).isEqualTo(1);
            assertThat(JsonDocuments.single(refresh.stdout()).path("error").path("code").asString())
                    .isEqualTo("refresh_lock_timeout");
            assertThat(refreshRequests()).isEqualTo(before);
            assertThat(Files.getAttribute(auth.resolve("refresh.lock"), "unix:ino")).isEqualTo(inode);
            assertThat(box.run("auth", "doctor", "--unstick-lock").stdout())
                    .contains("--unstick-lock: lock not removed (fresh, missing, or unreadable).");
        }
    }

    /** E7, second half: the same 120 s-old record with no live holder is overwritten at once. */
    @Test
    @Timeout(150) // a hang guard only: CLI JVMs start in 10-40 s at a load of 30
    void anOldRecordWithoutALiveHolderIsAdoptedAtOnce() throws Exception {
        EmulatorSandbox box = EmulatorSandbox.seeded(tempDir, emulator, "olddead", Duration.ofSeconds(-1), true);
        long before = refreshRequests();
        Path lockFile = CliProcess.authDirectory(box.sandbox).resolve("refresh.lock");
        Files.writeString(lockFile, "{\"host\": \"gone\", \"pid\": 1, \"schema_version\": 1, \"started_at\": \""
                + java.time.Instant.now().minusSeconds(120) + "\", \"version\": \"3.2.6\"}");
        Files.setPosixFilePermissions(lockFile, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));

        Result refresh = box.run("auth", "refresh", "--json");

        assertThat(refresh.exitCode()).as(refresh.describe()).isZero();
        assertThat(JsonDocuments.single(refresh.stdout()).path("outcome").asString()).isEqualTo("refreshed");
        assertThat(refreshRequests() - before).isEqualTo(1);
        assertThat(CounterLine.lockWaitMillis(refresh)).as("waited for the lock (ms), JVM start aside").isLessThan(1_000);
        assertThat(Files.size(lockFile)).as("released: truncated, not unlinked").isZero();
    }

    @Test
    @Timeout(60)
    void unstickLockReleasesOnlyAStuckRecord() throws Exception {
        EmulatorSandbox box = EmulatorSandbox.seeded(tempDir, emulator, "unstick", Duration.ofMinutes(10), true);
        Process fresh = holdLock(box, 1, 5);
        fresh.waitFor(20, TimeUnit.SECONDS);
        Path lockFile = CliProcess.authDirectory(box.sandbox).resolve("refresh.lock");
        // A dead holder's record: written, then the process died without releasing it.
        Files.writeString(lockFile, "{\"host\":\"h\",\"pid\":1,\"schema_version\":1,\"started_at\":\""
                + java.time.Instant.now().minusSeconds(5) + "\",\"version\":\"t\"}");
        assertThat(box.run("auth", "doctor", "--unstick-lock").stdout()).contains("--unstick-lock: lock not stuck; no-op.");
        assertThat(Files.size(lockFile)).isPositive();

        Files.writeString(lockFile, "{\"host\":\"h\",\"pid\":1,\"schema_version\":1,\"started_at\":\""
                + java.time.Instant.now().minusSeconds(120) + "\",\"version\":\"t\"}");
        assertThat(box.run("auth", "doctor", "--unstick-lock").stdout()).contains("--unstick-lock: stuck lock released.");
    }

    @Test
    @Timeout(60)
    void aRejectionOfTheCurrentTokenClearsTheSession() throws Exception {
        EmulatorSandbox box = EmulatorSandbox.seeded(tempDir, emulator, "rejected", Duration.ofSeconds(-1), true);
        box.run("auth", "status"); // publishes the hot path
        emulator.revokeSession(box.minted.sessionId());

        Result doctor = box.run("auth", "doctor", "--server", "--json");

        assertThat(JsonDocuments.single(doctor.stdout()).path("server_session").path("error").asString())
                .isEqualTo("re-authenticate");
        Path auth = CliProcess.authDirectory(box.sandbox);
        assertThat(auth.resolve("session.json")).doesNotExist();
        assertThat(auth.resolve("session.hot-path.json")).doesNotExist();
        assertThat(box.run("auth", "status").stdout()).contains("Not authenticated");
    }

    @Test
    @Timeout(60)
    void aBenignReplayWithoutANewerTokenKeepsTheSessionAndSaysHowToRecover() throws Exception {
        emulator.switches().replayWindow(Duration.ofSeconds(60));
        try {
            EmulatorSandbox box = EmulatorSandbox.seeded(tempDir, emulator, "replay", Duration.ofSeconds(-1), true);
            spendRefreshToken(box.minted.refreshToken()); // another client rotated it a moment ago
            long before = refreshRequests();

            Result doctor = box.run("auth", "doctor", "--server", "--json");

            JsonNode server = JsonDocuments.single(doctor.stdout()).path("server_session");
            assertThat(server.path("active").asBoolean()).isFalse();
            assertThat(server.path("error").asString()).contains("Refresh token replay detected").contains("auth login")
                    .doesNotContain("Another spec-kitty process");
            assertThat(refreshRequests() - before).isEqualTo(1);
            assertThat(box.onDisk().orElseThrow().refreshToken().reveal()).isEqualTo(box.minted.refreshToken());
        } finally {
            emulator.switches().replayWindow(Duration.ZERO);
        }
    }

    @Test
    @Timeout(60)
    void withoutAPrivateTeamTheRefreshAsksMembershipOnceWithTheNewToken() throws Exception {
        EmulatorSandbox box = EmulatorSandbox.seeded(tempDir, emulator, "membership", Duration.ofSeconds(-1), false);
        emulator.privateTeam(true); // the server now has a Private Teamspace for the user
        try {
            long meBefore = emulator.counters().calls(Endpoint.ME);

            assertThat(box.run("auth", "refresh", "--json").exitCode()).isZero();

            assertThat(emulator.counters().calls(Endpoint.ME) - meBefore).isEqualTo(1);
            assertThat(box.onDisk().orElseThrow().privateTeam()).isPresent();
        } finally {
            emulator.privateTeam(true);
        }
    }

    private static Process holdLock(EmulatorSandbox box, int seconds, int recordAgeSeconds) throws Exception {
        return HoldRefreshLock.start(CliProcess.authDirectory(box.sandbox), seconds, recordAgeSeconds);
    }

    private static void spendRefreshToken(String refreshToken) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(emulator.baseUrl() + "/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&client_id=cli_native&refresh_token="
                        + refreshToken)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
    }

}

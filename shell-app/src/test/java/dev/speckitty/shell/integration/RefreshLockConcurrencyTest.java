package dev.speckitty.shell.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.domain.session.StoredSession;
import dev.speckitty.emulator.Endpoint;
import dev.speckitty.emulator.GrantType;
import dev.speckitty.emulator.HostedEmulator;
import dev.speckitty.shell.support.CliProcess;
import dev.speckitty.shell.support.CliProcess.Result;
import dev.speckitty.shell.support.JsonDocuments;
import dev.speckitty.shell.support.NoTokenLeak;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
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
 * The refresh lock and the refresh transaction across real CLI processes against the hosted
 * emulator: behaviour.md §3 and scenarios E1, E3, E4, E6, E7, E8, E9 (issue 3's acceptance).
 *
 * <p>Hermetic whatever SPEC_KITTY_SAAS_URL the parent has: every child gets the emulator's URL
 * explicitly and an egress log that the hermetic resolver appends to on any non-loopback lookup;
 * after each test every log must be empty and no file under {@code auth/} except {@code
 * session.json} may hold a minted or rotated token (stdout and stderr are scanned by {@link
 * NoTokenLeak}). {@code bin/test-hermetic} reruns this class with the variable pointing at the hosted
 * dev deployment.
 */
@ExtendWith(NoTokenLeak.class)
class RefreshLockConcurrencyTest {

    private static final String CONTENTION = "Another spec-kitty process is refreshing the auth session; retry in a moment.";

    @TempDir
    static Path tempDir;

    static HostedEmulator emulator;

    private final List<EmulatorSandbox> boxes = new ArrayList<>();
    private final List<Process> holders = new ArrayList<>();

    @BeforeAll
    static void start() {
        emulator = HostedEmulator.start();
        System.out.println("RefreshLockConcurrencyTest: parent SPEC_KITTY_SAAS_URL="
                + System.getenv().getOrDefault("SPEC_KITTY_SAAS_URL", "<unset>") + ", children use " + emulator.baseUrl());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @BeforeEach
    void zeroCounters() {
        emulator.resetCounters();
    }

    @AfterEach
    void globalChecks() throws Exception {
        for (Process holder : holders) {
            holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        for (EmulatorSandbox box : boxes) {
            box.assertHermeticAndTokenFree();
        }
    }

    private EmulatorSandbox seeded(String tag, Duration accessLeft, boolean withPrivateTeam) throws Exception {
        EmulatorSandbox box = EmulatorSandbox.seeded(tempDir, emulator, tag, accessLeft, withPrivateTeam);
        boxes.add(box);
        return box;
    }

    private Process holdLock(EmulatorSandbox box, int seconds, int recordAgeSeconds) throws Exception {
        Process holder = box.holdLock(seconds, recordAgeSeconds);
        holders.add(holder);
        return holder;
    }

    private static long tokenCalls() {
        return emulator.counters().calls(Endpoint.TOKEN);
    }

    // ---- E1, E8: single flight across processes (32 processes: RefreshBurst32Test) ----

    @Test
    @Timeout(120)
    void aBurstOf8ProcessesRefreshesExactlyOnceAndAllEndOnTheRotatedSession() throws Exception {
        EmulatorSandbox box = seeded("burst8", Duration.ofSeconds(-1), true);
        RefreshBursts.spendTheRefreshTokenOnce(emulator, box, 8);
        assertThat(emulator.counters().calls(Endpoint.ME)).as("/api/v1/me calls in the burst").isZero();
    }

    // ---- E6: lock contention ----

    @Test
    @Timeout(90)
    void aHeldFreshLockIsContentionAfterAboutTenSecondsWhileAValidPersistedTokenIsStillUsed() throws Exception {
        EmulatorSandbox expired = seeded("e6expired", Duration.ofSeconds(-1), true);
        EmulatorSandbox valid = seeded("e6valid", Duration.ofMinutes(10), true);
        // The spec's helper holds 15 s. Here it holds until the test kills it: a CLI JVM starting on a
        // loaded two-core machine (four start at once, next to other builds) can take longer than 5 s
        // to reach the lock, and must still find it held. The ~10 s is measured by the processes
        // themselves (lock_waits_ms) and by the wall clock.
        holdLock(expired, 120, 0);
        holdLock(valid, 120, 0);

        var doctorExpired = timed(() -> expired.run("auth", "doctor", "--server", "--json"));
        var refreshExpired = timed(() -> expired.run("auth", "refresh", "--json"));
        var doctorValid = timed(() -> valid.run("auth", "doctor", "--server", "--json"));
        var forcedValid = timed(() -> valid.run("auth", "refresh", "--force", "--json"));

        // Expired access token: the lock cannot be had within 10 s, nothing is deleted, no token call.
        Timed doctor = doctorExpired.get();
        assertThat(doctor.result().exitCode()).as(doctor.result().describe()).isZero();
        JsonNode server = JsonDocuments.single(doctor.result().stdout()).path("server_session");
        assertThat(server.path("active").asBoolean()).as(doctor.result().describe()).isFalse();
        assertThat(server.path("error").asString()).isEqualTo(CONTENTION);
        assertThat(lockWaitMillis(doctor.result())).as("doctor's lock wait").isBetween(9_500L, 11_000L);
        assertThat(doctor.millis()).isGreaterThanOrEqualTo(9_500L);

        Timed refresh = refreshExpired.get();
        assertThat(refresh.result().exitCode()).as(refresh.result().describe()).isEqualTo(1);
        JsonNode error = JsonDocuments.single(refresh.result().stdout()).path("error");
        assertThat(error.path("code").asString()).isEqualTo("refresh_lock_timeout");
        assertThat(error.path("message").asString()).isEqualTo(CONTENTION);
        assertThat(lockWaitMillis(refresh.result())).as("refresh's lock wait").isBetween(9_500L, 11_000L);
        assertThat(refresh.millis()).isGreaterThanOrEqualTo(9_500L);
        StoredSession kept = expired.onDisk().orElseThrow(() -> new AssertionError("the session was deleted"));
        assertThat(kept.refreshToken().reveal()).isEqualTo(expired.minted.refreshToken());
        assertThat(kept.accessToken().reveal()).isEqualTo(expired.minted.accessToken());

        // Valid access token: doctor needs no lock; a forced refresh times out and adopts the valid token.
        Timed validDoctor = doctorValid.get();
        JsonNode validServer = JsonDocuments.single(validDoctor.result().stdout()).path("server_session");
        assertThat(validServer.path("active").asBoolean()).as(validDoctor.result().describe()).isTrue();
        assertThat(lockWaitMillis(validDoctor.result())).as("doctor did not wait for the lock").isZero();
        assertThat(validDoctor.millis()).as("done before the waiting processes").isLessThan(doctor.millis());
        Timed forced = forcedValid.get();
        assertThat(forced.result().exitCode()).as(forced.result().describe()).isZero();
        JsonNode adopted = JsonDocuments.single(forced.result().stdout());
        assertThat(adopted.path("outcome").asString()).as(forced.result().describe()).isEqualTo("lock_timeout_adopted");
        assertThat(adopted.path("network_call").asBoolean()).isFalse();
        assertThat(lockWaitMillis(forced.result())).as("forced refresh's lock wait").isBetween(9_500L, 11_000L);
        assertThat(valid.onDisk().orElseThrow().refreshToken().reveal()).isEqualTo(valid.minted.refreshToken());

        assertThat(tokenCalls()).as("token calls under contention").isZero();
        System.out.printf("E6 contention: doctor %d ms, refresh %d ms, valid-token doctor %d ms, forced refresh %d ms%n",
                doctor.millis(), refresh.millis(), validDoctor.millis(), forced.millis());
    }

    // ---- E7: stale lock record ----

    @Test
    @Timeout(60)
    void aHungHoldersStaleRecordIsTakenOverAndTheRefreshSucceedsWithinTenSeconds() throws Exception {
        EmulatorSandbox box = seeded("e7stale", Duration.ofSeconds(-1), true);
        Process hung = holdLock(box, 40, 120);

        long started = System.nanoTime();
        Result refresh = box.run("auth", "refresh", "--json");
        long tookMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(refresh.exitCode()).as(refresh.describe()).isZero();
        JsonNode document = JsonDocuments.single(refresh.stdout());
        assertThat(document.path("outcome").asString()).isEqualTo("refreshed");
        assertThat(document.path("network_call").asBoolean()).isTrue();
        assertThat(tookMs).as("stale takeover time").isLessThan(10_000);
        assertThat(emulator.counters().tokensIssued(GrantType.REFRESH_TOKEN)).isEqualTo(1);
        assertThat(tokenCalls()).isEqualTo(1);
        assertThat(hung.isAlive()).as("the hung holder still holds the old inode").isTrue();
        StoredSession after = box.onDisk().orElseThrow();
        assertThat(after.refreshToken().reveal()).isNotEqualTo(box.minted.refreshToken());
        assertThat(after.sessionId()).isEqualTo(box.minted.sessionId());
        System.out.printf("E7 stale takeover and refresh: %d ms%n", tookMs);
    }

    @Test
    @Timeout(90)
    void unstickLockReleasesADeadHoldersRecordOlderThanTheThresholdAndLeavesAFreshOne() throws Exception {
        EmulatorSandbox box = seeded("unstick", Duration.ofMinutes(10), true);
        Path lockFile = CliProcess.authDirectory(box.sandbox).resolve("refresh.lock");

        deadHolder(box, 5);
        String fresh = Files.readString(lockFile);
        assertThat(fresh).contains("\"started_at\"");
        Result noOp = box.run("auth", "doctor", "--unstick-lock");
        assertThat(noOp.stdout()).as(noOp.describe()).contains("--unstick-lock: lock not stuck; no-op.");
        assertThat(Files.readString(lockFile)).as("the 5 s old record is left in place").isEqualTo(fresh);

        deadHolder(box, 120);
        assertThat(Files.readString(lockFile)).isNotEqualTo(fresh).contains("\"started_at\"");
        Result released = box.run("auth", "doctor", "--unstick-lock");
        assertThat(released.stdout()).as(released.describe()).contains("--unstick-lock: stuck lock released.");
        assertThat(!Files.exists(lockFile) || Files.size(lockFile) == 0).as("the stuck record is gone").isTrue();
        assertThat(tokenCalls()).isZero();
    }

    /** A holder that took the lock with a record {@code ageSeconds} old and was killed (SIGKILL). */
    private void deadHolder(EmulatorSandbox box, int ageSeconds) throws Exception {
        Process holder = holdLock(box, 60, ageSeconds);
        holder.destroyForcibly();
        assertThat(holder.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }

    // ---- E3: current rejection clears ----

    @Test
    @Timeout(60)
    void aRejectedCurrentRefreshTokenClearsTheSessionAndTheHandoff() throws Exception {
        EmulatorSandbox box = seeded("e3rejected", Duration.ofSeconds(-1), true);
        Path auth = CliProcess.authDirectory(box.sandbox);
        assertThat(box.run("auth", "status").stdout()).contains("Authenticated");
        assertThat(auth.resolve("session.hot-path.json")).as("published by the status run").exists();
        emulator.revokeSession(box.minted.sessionId());

        Result doctor = box.run("auth", "doctor", "--server", "--json");

        JsonNode server = JsonDocuments.single(doctor.stdout()).path("server_session");
        assertThat(server.path("active").asBoolean()).as(doctor.describe()).isFalse();
        assertThat(server.path("error").asString()).isEqualTo("re-authenticate");
        assertThat(tokenCalls()).isEqualTo(1);
        assertThat(auth.resolve("session.json")).doesNotExist();
        assertThat(auth.resolve("session.hot-path.json")).doesNotExist();
        Result status = box.run("auth", "status");
        assertThat(status.stdout()).as(status.describe()).contains("Not authenticated");
    }

    // ---- E4: benign replay without a newer token ----

    @Test
    @Timeout(60)
    void aBenignReplayWithNoNewerLocalTokenKeepsTheSessionAndPointsAtLogin() throws Exception {
        emulator.switches().replayWindow(Duration.ofSeconds(60));
        try {
            EmulatorSandbox box = seeded("e4replay", Duration.ofSeconds(-1), true);
            spendRefreshToken(box.minted.refreshToken()); // another client rotated it a moment ago
            emulator.resetCounters();

            Result doctor = box.run("auth", "doctor", "--server", "--json");

            JsonNode server = JsonDocuments.single(doctor.stdout()).path("server_session");
            assertThat(server.path("active").asBoolean()).as(doctor.describe()).isFalse();
            assertThat(server.path("error").asString()).contains("Refresh token replay detected").contains("auth login")
                    .doesNotContain("Another spec-kitty process");
            assertThat(tokenCalls()).as("token calls by the CLI").isEqualTo(1);
            assertThat(emulator.counters().grantRequests(GrantType.REFRESH_TOKEN)).isEqualTo(1);
            assertThat(emulator.counters().tokensIssued(GrantType.REFRESH_TOKEN)).isZero();
            StoredSession kept = box.onDisk().orElseThrow(() -> new AssertionError("the session was deleted"));
            assertThat(kept.refreshToken().reveal()).isEqualTo(box.minted.refreshToken());
        } finally {
            emulator.switches().replayWindow(Duration.ZERO);
        }
    }

    // ---- E9: the post-refresh membership hook ----

    @Test
    @Timeout(60)
    void withoutAPrivateTeamTheRotationAsksMembershipOnceAndPersistsThePrivateTeam() throws Exception {
        EmulatorSandbox box = seeded("e9member", Duration.ofSeconds(-1), false);
        assertThat(box.onDisk().orElseThrow().privateTeam()).isEmpty();
        // Minting with a user without a Private Teamspace replaced the emulator's user record; the server
        // now knows the user's Private Teamspace again (what /me will answer).
        emulator.privateTeam(true);
        // The old access token is dead at the server too: /me can only succeed with the rotated one.
        emulator.expireAccessTokens(box.minted.sessionId());

        Result refresh = box.run("auth", "refresh", "--json");

        assertThat(refresh.exitCode()).as(refresh.describe()).isZero();
        assertThat(JsonDocuments.single(refresh.stdout()).path("outcome").asString()).isEqualTo("refreshed");
        assertThat(emulator.counters().tokensIssued(GrantType.REFRESH_TOKEN)).isEqualTo(1);
        assertThat(emulator.counters().calls(Endpoint.ME)).as("/api/v1/me calls").isEqualTo(1);
        StoredSession after = box.onDisk().orElseThrow();
        assertThat(after.privateTeam()).isPresent();
        assertThat(after.defaultTeamId()).isEqualTo(after.privateTeam().orElseThrow().id());

        JsonNode status = JsonDocuments.single(box.run("auth", "status", "--json").stdout());
        assertThat(status.path("teams").toString()).contains("\"is_private_teamspace\":true");
        assertThat(status.path("default_team_id").asString()).isEqualTo(after.privateTeam().orElseThrow().id());
        assertThat(emulator.counters().calls(Endpoint.ME)).as("status asks no one").isEqualTo(1);
    }

    // ---- helpers ----

    private static final java.util.regex.Pattern LOCK_WAITS = java.util.regex.Pattern.compile("lock_waits_ms=(\\d+)");

    /** The process's own measure of its refresh-lock wait (SPEC_KITTY_DEBUG_COUNTERS=1). */
    private static long lockWaitMillis(Result result) {
        var matcher = LOCK_WAITS.matcher(result.stderr());
        assertThat(matcher.find()).as(result.describe()).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    private record Timed(Result result, long millis) {}

    /** Starts {@code run} at once on its own thread (the common pool has one thread on two cores). */
    private static CompletableFuture<Timed> timed(Supplier<Result> run) {
        return CompletableFuture.supplyAsync(() -> {
            long started = System.nanoTime();
            Result result = run.get();
            return new Timed(result, (System.nanoTime() - started) / 1_000_000);
        }, runnable -> Thread.ofPlatform().daemon().start(runnable));
    }

    /** Another client spends the refresh token directly at the emulator; its new tokens join the leak scan. */
    private static void spendRefreshToken(String refreshToken) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(emulator.baseUrl() + "/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&client_id=cli_native&refresh_token="
                        + refreshToken)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JsonDocuments.single(response.body());
        NoTokenLeak.alsoScanFor(body.path("access_token").asString(), body.path("refresh_token").asString());
    }
}

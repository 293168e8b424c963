package dev.speckitty.shell.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.domain.session.StoredSession;
import dev.speckitty.emulator.EmulatorSettings;
import dev.speckitty.emulator.Endpoint;
import dev.speckitty.emulator.GrantType;
import dev.speckitty.emulator.HostedEmulator;
import dev.speckitty.emulator.fault.Fault;
import dev.speckitty.shell.support.CliProcess;
import dev.speckitty.shell.support.CliProcess.Result;
import dev.speckitty.shell.support.CounterLine;
import dev.speckitty.shell.support.FileReads;
import dev.speckitty.shell.support.JsonDocuments;
import dev.speckitty.shell.support.NoTokenLeak;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
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
 * The refresh transaction's decisions when <em>another real process</em> is part of the story
 * (docs/spec/behaviour.md §3.3, E2–E7 across processes, docs/spec/decisions.md decision 9): a waiter adopting what the lock
 * holder wrote (at once, while the holder still holds the lock), a stale rejection that must not delete the
 * newer session, a benign replay retried once with the newer stored token, rejections that clear,
 * a refresh POST that times out or loses its connection and is never retried. Every CLI process gets
 * the emulator's URL explicitly and an egress log that must stay empty; no test asks /api/v1/me.
 */
@ExtendWith(NoTokenLeak.class)
class RefreshTransactionAcrossProcessesTest {

    static final String CONTENTION = "Another spec-kitty process is refreshing the auth session; retry in a moment.";
    static final String REFRESH_EXPIRED = "Refresh token expired. Run `spec-kitty auth login` to log in again.";

    @TempDir
    static Path tempDir;

    static HostedEmulator emulator;

    private EmulatorSandbox box;

    @BeforeAll
    static void start() {
        emulator = HostedEmulator.start(EmulatorSettings.builder().build());
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
        if (box != null) {
            assertThat(box.egress()).as("non-loopback lookups by the CLI processes").isEmpty();
            NoTokenLeak.alsoScanFor(box.minted.accessToken(), box.minted.refreshToken());
            box.onDisk().ifPresent(s -> NoTokenLeak.alsoScanFor(s.accessToken().reveal(), s.refreshToken().reveal()));
        }
        assertThat(emulator.counters().calls(Endpoint.ME)).as("/api/v1/me calls").isZero();
    }

    // ---- lock contention (E6) ----

    @Test
    @Timeout(90)
    void doctorServerWaitsAboutTenSecondsForAHeldLockThenReportsContentionAndKeepsTheSession() throws Exception {
        box = EmulatorSandbox.seeded(tempDir, emulator, "e6doctor", Duration.ofSeconds(-1), true);
        Process holder = holdLock(80, 0); // outlives the CLI's 10 s wait even when its JVM starts slowly; stopped below
        try {
            long started = System.nanoTime();
            Result doctor = box.run("auth", "doctor", "--server", "--json");
            long tookMs = millisSince(started);

            assertThat(doctor.exitCode()).as(doctor.describe()).isZero();
            JsonNode server = JsonDocuments.single(doctor.stdout()).path("server_session");
            assertThat(server.path("active").asBoolean()).as(doctor.describe()).isFalse();
            assertThat(server.path("error").asString()).isEqualTo(CONTENTION);
            assertThat(tookMs).as("waited for the lock").isGreaterThanOrEqualTo(9_500);
            assertThat(tokenCalls()).isZero();
            assertThat(box.onDisk()).as("the session is kept").hasValueSatisfying(
                    s -> assertThat(s.refreshToken().reveal()).isEqualTo(box.minted.refreshToken()));
        } finally {
            stop(holder);
        }
    }

    @Test
    @Timeout(90)
    void aValidPersistedAccessTokenIsUsedAtOnceWhileAnotherProcessHoldsTheLock() throws Exception {
        box = EmulatorSandbox.seeded(tempDir, emulator, "e6valid", Duration.ofMinutes(10), true);
        Process holder = holdLock(30, 0);
        try {
            Result doctor = box.run("auth", "doctor", "--server", "--json");
            Result refresh = box.run("auth", "refresh", "--json");

            JsonNode server = JsonDocuments.single(doctor.stdout()).path("server_session");
            assertThat(server.path("active").asBoolean()).as(doctor.describe()).isTrue();
            assertThat(server.path("session_id").asString()).isEqualTo(box.minted.sessionId());
            assertThat(CounterLine.lockWaitMillis(doctor)).as("did not wait for the lock (its own count, JVM start aside)")
                    .isZero();
            assertThat(refresh.exitCode()).as(refresh.describe()).isZero();
            JsonNode outcome = JsonDocuments.single(refresh.stdout());
            assertThat(outcome.path("outcome").asString()).isEqualTo("not_needed");
            assertThat(outcome.path("network_call").asBoolean()).isFalse();
            assertThat(tokenCalls()).isZero();
        } finally {
            stop(holder);
        }
    }

    // ---- waiting on a holder that rotates (adopt newer) ----

    @Test
    @Timeout(90)
    void aProcessWaitingForTheLockAdoptsTheSessionTheHolderRotatedWithoutATokenCall() throws Exception {
        box = EmulatorSandbox.seeded(tempDir, emulator, "adopt", Duration.ofSeconds(-1), true);
        Path trigger = tempDir.resolve("adopt.trigger");
        Process holder = rotatingHolder(trigger, 0);
        try {
            CompletableFuture<Result> cli = runAsync("auth", "refresh", "--json");
            awaitFirstRead();
            Files.createFile(trigger);
            assertThat(readLine(holder)).isEqualTo("rotated");

            Result refresh = cli.get(120, TimeUnit.SECONDS);

            assertThat(refresh.exitCode()).as(refresh.describe()).isZero();
            JsonNode document = JsonDocuments.single(refresh.stdout());
            assertThat(document.path("outcome").asString()).as(refresh.describe()).isEqualTo("adopted_newer");
            assertThat(document.path("network_call").asBoolean()).isFalse();
            assertThat(refresh.stderr()).contains("token_refreshes=0");
            assertThat(emulator.counters().grantRequests(GrantType.REFRESH_TOKEN)).as("only the holder's").isEqualTo(1);
            StoredSession onDisk = box.onDisk().orElseThrow();
            assertThat(onDisk.refreshToken().reveal()).isNotEqualTo(box.minted.refreshToken());
            // output timestamps are RFC 3339 to whole seconds
            assertThat(Instant.parse(document.path("access_token_expires_at").asString()))
                    .isEqualTo(onDisk.accessTokenExpiresAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        } finally {
            stop(holder);
        }
    }

    @Test
    @Timeout(90)
    void aWaiterAdoptsWhatTheHolderWroteWhileTheHolderStillHoldsTheLock() throws Exception {
        box = EmulatorSandbox.seeded(tempDir, emulator, "holdafter", Duration.ofSeconds(-1), true);
        Path trigger = tempDir.resolve("holdafter.trigger");
        Process holder = rotatingHolder(trigger, 20);
        try {
            CompletableFuture<Result> cli = runAsync("auth", "refresh", "--json");
            awaitFirstRead();
            Files.createFile(trigger);
            assertThat(readLine(holder)).isEqualTo("rotated");

            Result refresh = cli.get(120, TimeUnit.SECONDS);

            assertThat(refresh.exitCode()).as(refresh.describe()).isZero();
            JsonNode document = JsonDocuments.single(refresh.stdout());
            // The reference waits out the 10 s deadline here and reports lock_timeout_adopted; we adopt
            // the result as soon as it lands (docs/storage.md, "Waiting for another process's refresh").
            assertThat(document.path("outcome").asString()).as(refresh.describe()).isEqualTo("adopted_newer");
            assertThat(document.path("network_call").asBoolean()).isFalse();
            assertThat(CounterLine.lockWaitMillis(refresh)).as("stopped waiting before the 10 s deadline").isLessThan(9_500);
            assertThat(holder.isAlive()).as("the holder still holds the lock").isTrue();
            assertThat(refresh.stderr()).contains("token_refreshes=0");
            assertThat(emulator.counters().grantRequests(GrantType.REFRESH_TOKEN)).as("only the holder's").isEqualTo(1);
            assertThat(box.onDisk().orElseThrow().refreshToken().reveal()).isNotEqualTo(box.minted.refreshToken());
        } finally {
            stop(holder);
        }
    }

    // ---- rejections while another process rotated (E2 across processes, E3) ----

    @Test
    @Timeout(90)
    void aRejectionOfStaleMaterialNeverDeletesTheNewerSessionAnotherProcessWrote() throws Exception {
        box = EmulatorSandbox.seeded(tempDir, emulator, "stalegrant", Duration.ofSeconds(-1), true);
        StoredSession seed = box.onDisk().orElseThrow();
        StoredSession rotated = TokenEndpoint.rotate(emulator.baseUrl(), seed, Duration.ZERO); // the seed is now spent
        emulator.faults().add(Endpoint.TOKEN, Fault.delay(3_000).times(1));
        long before = tokenCalls();

        CompletableFuture<Result> cli = runAsync("auth", "refresh", "--json");
        await(() -> tokenCalls() == before + 1, "the CLI's refresh POST");
        EmulatorSandbox.store(box.sandbox).write(rotated); // the other process's result lands meanwhile
        Result refresh = cli.get(120, TimeUnit.SECONDS);

        assertThat(refresh.exitCode()).as(refresh.describe()).isZero();
        JsonNode document = JsonDocuments.single(refresh.stdout());
        assertThat(document.path("outcome").asString()).as(refresh.describe()).isEqualTo("stale_rejection_preserved");
        assertThat(document.path("network_call").asBoolean()).isTrue();
        assertThat(tokenCalls() - before).isEqualTo(1);
        assertThat(box.onDisk()).as("the newer session survives").hasValueSatisfying(
                s -> assertThat(s.refreshToken().reveal()).isEqualTo(rotated.refreshToken().reveal()));
        NoTokenLeak.alsoScanFor(rotated.accessToken().reveal(), rotated.refreshToken().reveal());
    }

    @Test
    @Timeout(90)
    void aRejectionOfStaleMaterialWithAnExpiredNewerSessionIsARetryLaterNeverADeletion() throws Exception {
        box = EmulatorSandbox.seeded(tempDir, emulator, "staleexpired", Duration.ofSeconds(-1), true);
        StoredSession seed = box.onDisk().orElseThrow();
        StoredSession rotated = TokenEndpoint.withAccessExpiry(
                TokenEndpoint.rotate(emulator.baseUrl(), seed, Duration.ZERO), Instant.now().minusSeconds(1));
        emulator.faults().add(Endpoint.TOKEN, Fault.delay(3_000).times(1));
        long before = tokenCalls();

        CompletableFuture<Result> cli = runAsync("auth", "refresh", "--json");
        await(() -> tokenCalls() == before + 1, "the CLI's refresh POST");
        EmulatorSandbox.store(box.sandbox).write(rotated);
        Result refresh = cli.get(120, TimeUnit.SECONDS);

        assertThat(refresh.exitCode()).as(refresh.describe()).isEqualTo(1);
        JsonNode document = JsonDocuments.single(refresh.stdout());
        assertThat(document.path("outcome").asString()).isEqualTo("lock_timeout_error");
        assertThat(document.path("error").path("code").asString()).isEqualTo("refresh_lock_timeout");
        assertThat(document.path("error").path("message").asString()).isEqualTo(CONTENTION);
        assertThat(tokenCalls() - before).isEqualTo(1);
        assertThat(box.onDisk()).as("never deleted").hasValueSatisfying(
                s -> assertThat(s.refreshToken().reveal()).isEqualTo(rotated.refreshToken().reveal()));
        NoTokenLeak.alsoScanFor(rotated.accessToken().reveal(), rotated.refreshToken().reveal());
    }

    @Test
    @Timeout(90)
    void aRevokedSessionIsClearedAndAuthRefreshSaysToLogInAgain() throws Exception {
        box = EmulatorSandbox.seeded(tempDir, emulator, "revoked", Duration.ofSeconds(-1), true);
        assertThat(box.run("auth", "status").stdout()).contains("Authenticated"); // publishes the hot path
        assertThat(CliProcess.authDirectory(box.sandbox).resolve("session.hot-path.json")).exists();
        emulator.revokeSession(box.minted.sessionId());

        Result refresh = box.run("auth", "refresh", "--json");

        assertThat(refresh.exitCode()).as(refresh.describe()).isEqualTo(1);
        JsonNode document = JsonDocuments.single(refresh.stdout());
        assertThat(document.path("outcome").asString()).isEqualTo("current_rejection_cleared");
        assertThat(document.path("error").path("code").asString()).isEqualTo("refresh_token_expired");
        assertThat(document.path("error").path("message").asString()).isEqualTo(REFRESH_EXPIRED);
        assertSessionCleared();
    }

    @Test
    @Timeout(90)
    void sessionInvalidSeenByAuthRefreshNamesTheServerSideInvalidation() throws Exception {
        box = EmulatorSandbox.seeded(tempDir, emulator, "invalid", Duration.ofSeconds(-1), true);
        emulator.faults().add(Endpoint.TOKEN, Fault.respond(401, Map.of("error", "session_invalid")).times(1));

        Result refresh = box.run("auth", "refresh", "--json");

        assertThat(refresh.exitCode()).as(refresh.describe()).isEqualTo(1);
        JsonNode error = JsonDocuments.single(refresh.stdout()).path("error");
        assertThat(error.path("code").asString()).isEqualTo("session_invalid");
        assertThat(error.path("message").asString()).contains("invalidated server-side").contains("auth login");
        assertThat(tokenCalls()).isEqualTo(1);
        assertSessionCleared();
    }

    // ---- benign replay with a newer stored token (E4, second half) ----

    @Test
    @Timeout(90)
    void aBenignReplayIsRetriedOnceWithTheNewerStoredTokenAndNeverWithTheSpentOne() throws Exception {
        emulator.switches().replayWindow(Duration.ofSeconds(60));
        box = EmulatorSandbox.seeded(tempDir, emulator, "replayretry", Duration.ofSeconds(-1), true);
        StoredSession seed = box.onDisk().orElseThrow();
        StoredSession rotated = TokenEndpoint.withAccessExpiry(
                TokenEndpoint.rotate(emulator.baseUrl(), seed, Duration.ZERO), Instant.now().minusSeconds(1));
        emulator.faults().add(Endpoint.TOKEN, Fault.delay(3_000).times(1));
        long requestsBefore = emulator.counters().grantRequests(GrantType.REFRESH_TOKEN);
        long issuedBefore = emulator.counters().tokensIssued(GrantType.REFRESH_TOKEN);
        long before = tokenCalls();

        CompletableFuture<Result> cli = runAsync("auth", "refresh", "--json");
        await(() -> tokenCalls() == before + 1, "the CLI's refresh POST");
        EmulatorSandbox.store(box.sandbox).write(rotated);
        Result refresh = cli.get(120, TimeUnit.SECONDS);

        assertThat(refresh.exitCode()).as(refresh.describe()).isZero();
        JsonNode document = JsonDocuments.single(refresh.stdout());
        assertThat(document.path("outcome").asString()).as(refresh.describe()).isEqualTo("refreshed");
        assertThat(document.path("network_call").asBoolean()).isTrue();
        assertThat(emulator.counters().grantRequests(GrantType.REFRESH_TOKEN) - requestsBefore)
                .as("the spent token once (409), the newer one once (200)").isEqualTo(2);
        assertThat(emulator.counters().tokensIssued(GrantType.REFRESH_TOKEN) - issuedBefore).isEqualTo(1);
        StoredSession onDisk = box.onDisk().orElseThrow();
        assertThat(onDisk.refreshToken().reveal()).isNotIn(seed.refreshToken().reveal(), rotated.refreshToken().reveal());
        assertThat(onDisk.sessionId()).isEqualTo(seed.sessionId());
        NoTokenLeak.alsoScanFor(rotated.accessToken().reveal(), rotated.refreshToken().reveal());
    }

    // ---- the refresh POST is never retried automatically (docs/spec/decisions.md decision 9) ----

    @Test
    @Timeout(90)
    void aRefreshPostThatLosesItsConnectionIsNotRetriedAndLeavesTheSessionUntouched() throws Exception {
        box = EmulatorSandbox.seeded(tempDir, emulator, "dropped", Duration.ofSeconds(-1), true);
        emulator.faults().add(Endpoint.TOKEN, Fault.drop().times(1));

        Result failed = box.run("auth", "refresh", "--json");

        assertThat(failed.exitCode()).as(failed.describe()).isEqualTo(1);
        JsonNode document = JsonDocuments.single(failed.stdout());
        assertThat(document.path("error").path("code").asString()).isEqualTo("refresh_failed");
        assertThat(tokenCalls()).as("one POST, no automatic retry").isEqualTo(1);
        assertThat(box.onDisk()).hasValueSatisfying(
                s -> assertThat(s.refreshToken().reveal()).isEqualTo(box.minted.refreshToken()));

        Result next = box.run("auth", "refresh", "--json");
        assertThat(JsonDocuments.single(next.stdout()).path("outcome").asString()).as(next.describe())
                .isEqualTo("refreshed");
        assertThat(emulator.counters().tokensIssued(GrantType.REFRESH_TOKEN)).isEqualTo(1);
    }

    @Test
    @Timeout(90)
    void aRefreshPostThatTimesOutIsNotRetriedAndNeverDeletesTheSession() throws Exception {
        JsonNode document = refreshAgainstATokenEndpointThatAnswersTooLate();

        assertThat(document.path("network_call").asBoolean()).isTrue();
        assertThat(document.path("error").path("code").asString()).isIn("refresh_failed", "refresh_lock_timeout");
    }

    @Test
    @Timeout(90)
    void aRefreshPostThatTimesOutIsALockTimeoutErrorAsTheContractSays() throws Exception {
        JsonNode document = refreshAgainstATokenEndpointThatAnswersTooLate();

        assertThat(document.path("outcome").asString()).isEqualTo("lock_timeout_error");
        assertThat(document.path("network_call").asBoolean()).isTrue();
        assertThat(document.path("error").path("code").asString()).isEqualTo("refresh_lock_timeout");
    }

    /** The token endpoint answers after 13 s, past the CLI's 10 s refresh timeout; the handler never runs. */
    private JsonNode refreshAgainstATokenEndpointThatAnswersTooLate() throws Exception {
        box = EmulatorSandbox.seeded(tempDir, emulator, "timeout", Duration.ofSeconds(-1), true);
        emulator.faults().add(Endpoint.TOKEN, Fault.respond(503, Map.of("error", "late")).withDelay(13_000).times(1));

        long started = System.nanoTime();
        Result timedOut = box.run("auth", "refresh", "--json");
        long tookMs = millisSince(started);
        Thread.sleep(1_000); // a retry right after the timeout would have been counted by now

        assertThat(timedOut.exitCode()).as(timedOut.describe()).isEqualTo(1);
        // Lower bound: it really waited for the 10 s timeout; the upper bound only rules out a retry loop (no timing claims on a loaded machine).
        assertThat(tookMs).as("bounded by the 10 s refresh timeout").isBetween(9_000L, 60_000L);
        assertThat(tokenCalls()).as("one POST, no automatic retry").isEqualTo(1);
        assertThat(emulator.counters().grantRequests(GrantType.REFRESH_TOKEN)).as("the late answer never rotated")
                .isZero();
        assertThat(box.onDisk()).as("storage untouched").hasValueSatisfying(
                s -> assertThat(s.refreshToken().reveal()).isEqualTo(box.minted.refreshToken()));
        return JsonDocuments.single(timedOut.stdout());
    }

    // ---- H2: a mixed burst, and a leak scan over everything it left behind ----

    @Test
    @Timeout(240)
    void aMixedBurstOfEightProcessesRefreshesOnceAndLeavesNoTokenAnywhere() throws Exception {
        box = EmulatorSandbox.seeded(tempDir, emulator, "h2mix", Duration.ofSeconds(-1), true);
        Path events = box.sandbox.resolve("events.jsonl");
        Files.writeString(events, "{\"event_id\":\"evt-1\",\"event_type\":\"mission.started\"}\n"
                + "{\"event_id\":\"evt-2\",\"event_type\":\"mission.started\"}\n"
                + "{\"event_id\":\"evt-3\",\"event_type\":\"mission.started\"}\n");
        Result enqueued = box.run("sync", "enqueue", "--file", events.toString());
        assertThat(enqueued.exitCode()).as(enqueued.describe()).isZero();
        emulator.faults().add(Endpoint.EVENTS_BATCH, Fault.missingPrivateTeam()); // every batch fails: reports
        Path reports = Files.createDirectories(box.sandbox.resolve("reports"));
        java.util.List<String[]> commands = java.util.List.of(
                new String[] {"auth", "status"},
                new String[] {"sync", "now", "--report", reports.resolve("r1.json").toString()},
                new String[] {"auth", "doctor", "--server", "--json"},
                new String[] {"auth", "refresh", "--json"},
                new String[] {"auth", "status", "--json"},
                new String[] {"sync", "now", "--json", "--report", reports.resolve("r2.json").toString()},
                new String[] {"auth", "doctor", "--server", "--json"},
                new String[] {"auth", "refresh", "--json"});

        long started = System.nanoTime();
        java.util.List<CompletableFuture<Result>> running = commands.stream().map(this::runAsync).toList();
        java.util.List<Result> results = new java.util.ArrayList<>();
        for (CompletableFuture<Result> result : running) {
            results.add(result.get(200, TimeUnit.SECONDS));
        }
        System.out.printf("H2 mixed burst of %d processes: %d ms wall%n", results.size(), millisSince(started));

        assertThat(emulator.counters().tokensIssued(GrantType.REFRESH_TOKEN)).as("refreshes issued").isEqualTo(1);
        assertThat(emulator.counters().grantRequests(GrantType.REFRESH_TOKEN)).as("refresh POSTs").isEqualTo(1);
        StoredSession onDisk = box.onDisk().orElseThrow();
        assertThat(onDisk.refreshToken().reveal()).isNotEqualTo(box.minted.refreshToken());
        assertThat(onDisk.sessionId()).isEqualTo(box.minted.sessionId());
        int refreshes = 0;
        for (Result result : results) {
            java.util.regex.Matcher counted = java.util.regex.Pattern.compile("token_refreshes=(\\d+)")
                    .matcher(result.stderr());
            assertThat(counted.find()).as(result.describe()).isTrue();
            refreshes += Integer.parseInt(counted.group(1));
            String command = String.join(" ", result.args());
            if (command.startsWith("auth doctor")) {
                assertThat(result.exitCode()).as(result.describe()).isZero();
                assertThat(JsonDocuments.single(result.stdout()).path("server_session").path("active").asBoolean())
                        .as(result.describe()).isTrue();
            } else if (command.startsWith("auth refresh")) {
                assertThat(result.exitCode()).as(result.describe()).isZero();
                JsonNode document = JsonDocuments.single(result.stdout());
                assertThat(document.path("outcome").asString()).as(result.describe())
                        .isIn("refreshed", "adopted_newer", "not_needed");
                // output timestamps are RFC 3339 to whole seconds (the file keeps microseconds)
                assertThat(Instant.parse(document.path("access_token_expires_at").asString()))
                        .as("ends on the rotated token")
                        .isEqualTo(onDisk.accessTokenExpiresAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
            } else if (command.startsWith("sync now")) {
                assertThat(result.exitCode()).as(result.describe()).isEqualTo(1);
                assertThat(result.stdout()).as(result.describe()).contains("direct_ingress_missing_private_team");
            } else {
                assertThat(result.exitCode()).as(result.describe()).isZero();
                assertThat(result.stdout()).as(result.describe()).contains("uthenticated").doesNotContain("Not auth");
            }
        }
        assertThat(refreshes).as("summed token_refreshes counters").isEqualTo(1);
        assertThat(reports.resolve("r1.json")).exists();
        assertThat(reports.resolve("r2.json")).exists();

        java.util.List<String> secrets = java.util.List.of("at_SENTINEL", "rt_SENTINEL", box.minted.accessToken(),
                box.minted.refreshToken(), onDisk.accessToken().reveal(), onDisk.refreshToken().reveal());
        java.util.List<Path> scanned = new java.util.ArrayList<>();
        try (var files = Files.walk(box.sandbox)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (file.equals(CliProcess.authDirectory(box.sandbox).resolve("session.json"))) {
                    continue; // the encrypted session itself
                }
                String content = Files.readString(file, StandardCharsets.ISO_8859_1);
                for (String secret : secrets) {
                    assertThat(content).as("%s must not contain a token", file).doesNotContain(secret);
                }
                scanned.add(file);
            }
        }
        for (Result result : results) {
            for (String secret : secrets) {
                assertThat(result.stdout() + result.stderr()).as(result.describe()).doesNotContain(secret);
            }
        }
        assertThat(scanned).as("files scanned").anySatisfy(f -> assertThat(f.toString()).endsWith("r1.json"))
                .anySatisfy(f -> assertThat(f.toString()).endsWith("session.hot-path.json"))
                .anySatisfy(f -> assertThat(f.toString()).endsWith("refresh.lock"));
    }

    // ---- helpers ----

    private void assertSessionCleared() {
        Path auth = CliProcess.authDirectory(box.sandbox);
        assertThat(auth.resolve("session.json")).doesNotExist();
        assertThat(auth.resolve("session.hot-path.json")).doesNotExist();
        Result status = box.run("auth", "status");
        assertThat(status.stdout()).contains("Not authenticated");
    }

    private static long tokenCalls() {
        return emulator.counters().calls(Endpoint.TOKEN);
    }

    private static long millisSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    private CompletableFuture<Result> runAsync(String... args) {
        EmulatorSandbox sandbox = box;
        Map<String, String> environment = new java.util.HashMap<>(sandbox.environment);
        environment.put("SPEC_KITTY_ENABLE_SAAS_SYNC", "1"); // the FX environment (docs/spec/behaviour.md §7.0)
        CompletableFuture<Result> result = new CompletableFuture<>();
        Thread.ofPlatform().daemon().start(() -> {
            try {
                result.complete(CliProcess.runWith(sandbox.sandbox, environment, args));
            } catch (Throwable failure) {
                result.completeExceptionally(failure);
            }
        });
        return result;
    }

    /**
     * Waits until a CLI process has read (decrypted) the seeded session: the first read after a write
     * moves the file's access time past its modification time (relatime).
     */
    private void awaitFirstRead() throws InterruptedException {
        FileReads.awaitReadSinceWritten(CliProcess.authDirectory(box.sandbox).resolve("session.json"));
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(5);
        }
    }

    private Process holdLock(int seconds, int recordAgeSeconds) throws IOException {
        return startHelper(HoldRefreshLock.class, CliProcess.authDirectory(box.sandbox).toString(),
                String.valueOf(seconds), String.valueOf(recordAgeSeconds));
    }

    private Process rotatingHolder(Path trigger, int holdAfterSeconds) throws IOException {
        return startHelper(RotateWhileHoldingLock.class, CliProcess.authDirectory(box.sandbox).toString(),
                emulator.baseUrl(), trigger.toString(), String.valueOf(holdAfterSeconds));
    }

    private Process startHelper(Class<?> main, String... args) throws IOException {
        var command = new java.util.ArrayList<>(java.util.List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED", HoldRefreshLock.SLF4J_PROVIDER_OF_THIS_JVM, HoldRefreshLock.SLF4J_QUIET,
                "-cp", System.getProperty("java.class.path"),
                main.getName()));
        command.addAll(java.util.List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("SPEC_KITTY_"));
        builder.environment().put("SPEC_KITTY_TEST_EGRESS_LOG", box.egressLog.toString());
        Process helper = builder.start();
        String first = readLine(helper);
        assertThat(first).as("helper %s", main.getSimpleName()).isEqualTo("held");
        return helper;
    }

    private static String readLine(Process helper) throws IOException {
        BufferedReader reader = READERS.computeIfAbsent(helper, p -> new BufferedReader(
                new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)));
        return reader.readLine();
    }

    private static final Map<Process, BufferedReader> READERS = new java.util.concurrent.ConcurrentHashMap<>();

    private static void stop(Process helper) throws InterruptedException {
        helper.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        READERS.remove(helper);
    }
}

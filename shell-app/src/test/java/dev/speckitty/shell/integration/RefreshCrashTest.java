package dev.speckitty.shell.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.domain.session.StoredSession;
import dev.speckitty.emulator.EmulatorSettings;
import dev.speckitty.emulator.GrantType;
import dev.speckitty.emulator.HostedEmulator;
import dev.speckitty.emulator.state.RefreshTokenState;
import dev.speckitty.shell.support.CliProcess;
import dev.speckitty.shell.support.CliProcess.Result;
import dev.speckitty.adapters.storage.support.CrashRuns;
import dev.speckitty.shell.support.JsonDocuments;
import dev.speckitty.shell.support.NoTokenLeak;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Issue 6, refreshes: {@code auth refresh --force --json} processes against the emulator are
 * SIGKILLed at random points while {@code auth status --json} processes read the same session.
 * After every kill the session file is there, decrypts, and holds either the refresh token from
 * before the refresh or the one the emulator issued for the family (its live token, with the
 * family's generation); the readers always saw an authenticated session.
 *
 * <p>The one inherent loss: a kill after the server rotated but before the local rename leaves
 * the old session on disk, whole and decryptable, but its refresh token is spent. The test
 * detects it at the emulator, shows what the user then gets (the next refresh is refused,
 * {@code invalid_grant}, and the CLI clears the session), counts it, and logs in again (a freshly
 * minted session) for the next round.
 *
 * <p>The emulator's replay window stays 0 (strict rotation, as the spec's fake refresh server):
 * with a window the next refresh of a spent token would get a 409 benign replay instead, retry
 * once with the same stored token and fail the same way, only later, so the window would change
 * nothing here but the wait; the 409 path is covered by RefreshTransactionAcrossProcessesTest.
 *
 * <p>12 kills by default; more with {@code -Dspec-kitty.crash.refresh-kills=N}.
 */
@ExtendWith(NoTokenLeak.class)
class RefreshCrashTest {

    private static final int KILLS = CrashRuns.count("refresh-kills", 12);
    /** Readers per round, each started up to this long after the refresh, so they meet it in different phases. */
    private static final int READERS = 1;
    private static final int READER_OFFSET_MAX_MS = 500;
    /** Kills not aimed at the rotation fall anywhere in a refresh process's life (about 1-3 s here). */
    private static final int UNIFORM_MAX_MS = 2_500;
    /**
     * After the emulator rotated, the CLI still parses the answer, derives the key (scrypt), writes,
     * fsyncs and renames, publishes the hot path and prints (the rename came about 200 ms after the
     * rotation on the development machine, a cold scrypt included):
     * kills up to this long after the rotation land on both sides of the rename.
     */
    private static final int AFTER_ROTATION_MAX_MS = 500;
    private static final Duration ACCESS_LEFT = Duration.ofMinutes(10);
    private static final int SIGKILLED = 128 + 9;

    /** What the session file held after a kill. */
    enum Kept {
        OLD_UNSPENT("old session, its refresh token still live (killed before the server rotated)"),
        OLD_SPENT("old session, its refresh token spent (killed after the rotation, before the rename)"),
        NEW("the session the emulator issued (killed after the rename)");

        final String meaning;

        Kept(String meaning) {
            this.meaning = meaning;
        }
    }

    @TempDir
    static Path tempDir;

    static HostedEmulator emulator;

    @BeforeAll
    static void start() {
        emulator = HostedEmulator.start(EmulatorSettings.builder().build()); // replay window 0, see above
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void killedRefreshesLeaveTheOldOrTheIssuedSessionAlwaysDecryptableAndNeverDeleted() throws Exception {
        long seed = CrashRuns.seed();
        Random random = new Random(seed);
        EmulatorSandbox box = EmulatorSandbox.seeded(tempDir, emulator, "crash0", ACCESS_LEFT, true);
        Map<Kept, Integer> kept = new EnumMap<>(Kept.class);
        long started = System.nanoTime();
        int kills = 0;
        int rounds = 0;
        int finishedFirst = 0;
        int readerRuns = 0;
        int staleTemp = 0;
        int relogins = 0;
        while (kills < KILLS) {
            rounds++;
            String context = "round " + rounds + " (seed " + seed + ")";
            StoredSession before = box.onDisk().orElseThrow();
            long rotationsBefore = emulator.counters().tokensIssued(GrantType.REFRESH_TOKEN);
            CliProcess.Running refresh = box.spawn(Map.of(), "auth", "refresh", "--force", "--json");
            List<CompletableFuture<Result>> readers = new ArrayList<>();
            for (int r = 0; r < READERS; r++) {
                readers.add(readLater(box, random.nextInt(READER_OFFSET_MAX_MS + 1)));
            }
            if (random.nextInt(3) > 0) {
                awaitRotation(rotationsBefore, refresh);
                sleepMillis(random.nextInt(AFTER_ROTATION_MAX_MS + 1));
            } else {
                sleepMillis(random.nextInt(UNIFORM_MAX_MS + 1));
            }
            Result ended = refresh.kill();
            if (ended.exitCode() == SIGKILLED) {
                kills++;
            } else {
                finishedFirst++;
                assertThat(ended.exitCode()).as(ended.describe()).isZero();
            }
            for (CompletableFuture<Result> reader : readers) {
                Result status = reader.get(200, TimeUnit.SECONDS);
                readerRuns++;
                assertThat(status.exitCode()).as(context + ": " + status.describe()).isZero();
                assertThat(JsonDocuments.single(status.stdout()).path("state").asString())
                        .as(context + ": " + status.describe()).isEqualTo("authenticated");
            }

            StoredSession after = box.onDisk()
                    .orElseThrow(() -> new AssertionError(context + ": the session file was deleted"));
            Kept what = classify(before, after, context);
            kept.merge(what, 1, Integer::sum);
            Path temp = CliProcess.authDirectory(box.sandbox).resolve("session.json.tmp");
            if (Files.exists(temp, LinkOption.NOFOLLOW_LINKS)) {
                assertThat(what).as(context + ": a temp file is left only by a kill before the rename")
                        .isNotEqualTo(Kept.NEW);
                staleTemp++;
            }
            NoTokenLeak.alsoScanFor(after.accessToken().reveal(), after.refreshToken().reveal());
            if (what == Kept.OLD_SPENT) {
                assertTheNextRefreshIsRefusedAndClears(box, context);
                relogins++;
                box = box.relogin(emulator, "crash" + rounds, ACCESS_LEFT, true); // also the next write
            }
        }

        Result last = box.run("auth", "refresh", "--force", "--json");
        assertThat(last.exitCode()).as(last.describe()).isZero();
        assertThat(JsonDocuments.single(last.stdout()).path("outcome").asString()).isEqualTo("refreshed");
        try (var left = Files.list(CliProcess.authDirectory(box.sandbox))) {
            assertThat(left.map(file -> file.getFileName().toString()))
                    .as("temp files after the last, complete refresh").noneMatch(name -> name.endsWith(".tmp"));
        }
        assertThat(box.egress()).as("non-loopback lookups").isEmpty();
        StringBuilder landed = new StringBuilder();
        for (Kept value : Kept.values()) {
            landed.append(String.format("%n  %4d %s", kept.getOrDefault(value, 0), value.meaning));
        }
        System.out.printf("refresh crash: kills=%d rounds=%d finished_before_kill=%d auth_status_readers=%d "
                        + "(all authenticated) sessions_lost=0 undecryptable=0 spent_old_session=%d (next refresh "
                        + "invalid_grant, re-login) stale_session_temp_seen=%d seed=%d in %d s; kept:%s%n",
                kills, rounds, finishedFirst, readerRuns, kept.getOrDefault(Kept.OLD_SPENT, 0), staleTemp, seed,
                (System.nanoTime() - started) / 1_000_000_000, landed);
        assertThat(relogins).isEqualTo(kept.getOrDefault(Kept.OLD_SPENT, 0));
    }

    /** {@code auth status --json} started {@code offsetMillis} from now, on a thread of its own. */
    private static CompletableFuture<Result> readLater(EmulatorSandbox box, int offsetMillis) {
        CompletableFuture<Result> result = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("auth-status-reader").start(() -> {
            try {
                Thread.sleep(offsetMillis);
                result.complete(box.spawn(Map.of(), "auth", "status", "--json").await());
            } catch (InterruptedException | RuntimeException | AssertionError failed) {
                result.completeExceptionally(failed);
            }
        });
        return result;
    }

    /** Old or new, and which: decided by what the emulator knows of the token on disk. */
    private static Kept classify(StoredSession before, StoredSession after, String context) {
        String token = after.refreshToken().reveal();
        RefreshTokenState state = emulator.refreshTokenState(token);
        if (token.equals(before.refreshToken().reveal())) {
            assertThat(after).as(context + ": the old session, unchanged").isEqualTo(before);
            assertThat(state).as(context).isIn(RefreshTokenState.CURRENT, RefreshTokenState.SPENT);
            return state == RefreshTokenState.CURRENT ? Kept.OLD_UNSPENT : Kept.OLD_SPENT;
        }
        assertThat(state).as(context + ": a new token must be the family's live one")
                .isEqualTo(RefreshTokenState.CURRENT);
        assertThat(after.sessionId()).as(context).isEqualTo(before.sessionId());
        assertThat(after.generation()).as(context + ": the family's generation")
                .isEqualTo((long) emulator.session(after.sessionId()).orElseThrow().generation());
        assertThat(after.accessToken().reveal()).as(context).isNotEqualTo(before.accessToken().reveal());
        return Kept.NEW;
    }

    /** The inherent case, shown rather than hidden: the server refuses the spent token and the CLI clears. */
    private static void assertTheNextRefreshIsRefusedAndClears(EmulatorSandbox box, String context) {
        long requests = emulator.counters().grantRequests(GrantType.REFRESH_TOKEN);
        long issued = emulator.counters().tokensIssued(GrantType.REFRESH_TOKEN);
        Result next = box.run("auth", "refresh", "--force", "--json");
        assertThat(next.exitCode()).as(context + ": " + next.describe()).isEqualTo(1);
        JsonNode document = JsonDocuments.single(next.stdout());
        assertThat(document.path("outcome").asString()).as(next.describe()).isEqualTo("current_rejection_cleared");
        assertThat(emulator.counters().grantRequests(GrantType.REFRESH_TOKEN)).isEqualTo(requests + 1);
        assertThat(emulator.counters().tokensIssued(GrantType.REFRESH_TOKEN)).as("refused: invalid_grant")
                .isEqualTo(issued);
        assertThat(box.onDisk()).as(context + ": cleared after the server refused").isEmpty();
    }

    /** Until the emulator has rotated once more (or the CLI ended without rotating). */
    private static void awaitRotation(long rotationsBefore, CliProcess.Running refresh) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (emulator.counters().tokensIssued(GrantType.REFRESH_TOKEN) == rotationsBefore && refresh.isAlive()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no refresh reached the emulator within 60 s");
            }
            LockSupport.parkNanos(200_000);
        }
    }

    private static void sleepMillis(int millis) throws InterruptedException {
        Thread.sleep(millis);
    }
}

package dev.speckitty.shell.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.domain.session.StoredSession;
import dev.speckitty.emulator.Endpoint;
import dev.speckitty.emulator.EmulatorSettings;
import dev.speckitty.emulator.GrantType;
import dev.speckitty.emulator.HostedEmulator;
import dev.speckitty.emulator.fault.Fault;
import dev.speckitty.emulator.state.RefreshTokenState;
import dev.speckitty.shell.support.CliProcess;
import dev.speckitty.shell.support.CliProcess.Result;
import dev.speckitty.shell.support.CounterLine;
import dev.speckitty.shell.support.FileReads;
import dev.speckitty.shell.support.JsonDocuments;
import dev.speckitty.shell.support.NoTokenLeak;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * One machine, two CLIs (decision 15, issue 10), with real processes: lock holders we did not write
 * ({@code flock(1)} and a Python second CLI that locks and refreshes like the reference) exclude this
 * CLI and are excluded by it, and a logout wins over a refresh whose answer is late.
 */
@ExtendWith(NoTokenLeak.class)
class CrossCliLockTest {

    private static final int MIXED_ROUNDS = 20;

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

    @AfterEach
    void clearFaults() {
        emulator.faults().clear();
    }

    private static long refreshRequests() {
        return emulator.counters().grantRequests(GrantType.REFRESH_TOKEN);
    }

    @Test
    @Timeout(120)
    void flockUtilityHoldingSessionLockBlocksTheCliUntilItLetsGo() throws Exception {
        EmulatorSandbox box = EmulatorSandbox.seeded(tempDir, emulator, "flocksession", Duration.ofMinutes(10), true);
        Path lock = CliProcess.authDirectory(box.sandbox).resolve("session.lock");

        Result refresh = blockedByFlockUtility(box, lock);

        assertThat(refresh.exitCode()).as(refresh.describe()).isZero();
    }

    @Test
    @Timeout(120)
    void flockUtilityHoldingRefreshLockBlocksTheRefreshUntilItLetsGo() throws Exception {
        EmulatorSandbox box = EmulatorSandbox.seeded(tempDir, emulator, "flockrefresh", Duration.ofSeconds(-1), true);
        Path lock = CliProcess.authDirectory(box.sandbox).resolve("refresh.lock");
        long before = refreshRequests();

        Result refresh = blockedByFlockUtility(box, lock);

        assertThat(refresh.exitCode()).as(refresh.describe()).isZero();
        assertThat(JsonDocuments.single(refresh.stdout()).path("outcome").asString()).isEqualTo("refreshed");
        assertThat(refreshRequests() - before).isEqualTo(1);
        assertThat(CounterLine.lockWaitMillis(refresh)).as("waited for flock(1) to let go").isGreaterThanOrEqualTo(1000);
    }

    /**
     * flock(1) takes {@code lock}; {@code auth refresh} starts and is still running {@link #HOLD}
     * later (unblocked it finishes in about a second), then flock(1) lets go and the CLI finishes.
     * The CLI opens the lock file afresh for every 100 ms try and closes it at once on contention,
     * as the reference does, so its descriptor is open for microseconds: watching /proc/pid/fd for
     * it missed it on a quiet machine. The refresh test proves the wait by the CLI's own counter.
     */
    private static Result blockedByFlockUtility(EmulatorSandbox box, Path lock) throws Exception {
        Process holder = new ProcessBuilder("flock", "-o", lock.toString(), "-c", "echo LOCKED; read ignored")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            assertThat(firstLine(holder)).isEqualTo("LOCKED");
            CliProcess.Running cli = box.spawn(Map.of("SPEC_KITTY_DEBUG_COUNTERS", "1"), "auth", "refresh", "--json");
            Thread.sleep(HOLD.toMillis());
            assertThat(cli.isAlive()).as("the CLI waits while flock(1) holds " + lock.getFileName()).isTrue();
            holder.getOutputStream().close(); // `read` ends, flock(1) exits and its lock goes
            return cli.await();
        } finally {
            holder.descendants().forEach(ProcessHandle::destroyForcibly); // the shell and its read, not only flock(1)
            holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Below the CLI's 10 s acquire deadline, well above its unblocked run time. */
    private static final Duration HOLD = Duration.ofSeconds(6);

    /**
     * The server rotated and its answer is 4 s late: the CLI holds refresh.lock meanwhile (flock -n
     * fails on it), logout waits for it, then revokes the rotated token and deletes the session.
     */
    @Test
    @Timeout(90)
    void logoutDuringARefreshWhoseAnswerIsLateRevokesTheRotatedSession() throws Exception {
        EmulatorSandbox box = EmulatorSandbox.seeded(tempDir, emulator, "logoutlate", Duration.ofSeconds(-1), true);
        Path auth = CliProcess.authDirectory(box.sandbox);
        emulator.faults().add(Endpoint.TOKEN, Fault.delayResponse(4000).times(1));

        CliProcess.Running refresh = box.spawn(Map.of(), "auth", "refresh", "--json");
        awaitSpent(box.minted.refreshToken());
        assertThat(run("flock", "-n", auth.resolve("refresh.lock").toString(), "true"))
                .as("flock -n while this CLI holds refresh.lock").isOne();
        Result logout = box.run("auth", "logout");
        Result refreshed = refresh.await();

        assertThat(logout.exitCode()).as(logout.describe()).isZero();
        assertThat(logout.stdout()).contains("+ Server revocation confirmed.", "+ Logged out.")
                .doesNotContain("went ahead without it");
        assertThat(refreshed.exitCode()).as(refreshed.describe()).isZero();
        assertLoggedOutEverywhere(box);
    }

    /**
     * The reference-like CLI refreshes and then keeps refresh.lock for 30 s (as a slow holder would):
     * this CLI, waiting for that lock, adopts the session the moment the foreign write lands instead
     * of waiting out its 10 s deadline, with no token call of its own.
     */
    @Test
    @Timeout(90)
    void aForeignHolderThatRefreshedAndStillHoldsTheLockIsAdoptedAtOnce() throws Exception {
        EmulatorSandbox box = EmulatorSandbox.seeded(tempDir, emulator, "foreignholder", Duration.ofSeconds(-1), true);
        Path auth = CliProcess.authDirectory(box.sandbox);
        try (ReferenceCli.Cued foreign = ReferenceCli.refreshOnCue(auth, emulator.baseUrl(), 30)) {
            CliProcess.Running cli = box.spawn(Map.of("SPEC_KITTY_DEBUG_COUNTERS", "1"), "auth", "refresh", "--json");
            FileReads.awaitReadSinceWritten(auth.resolve("session.json"));
            long before = refreshRequests();

            assertThat(foreign.cue()).isEqualTo("refreshed");
            Result result = cli.await();

            assertThat(result.exitCode()).as(result.describe()).isZero();
            JsonNode document = JsonDocuments.single(result.stdout());
            assertThat(document.path("outcome").asString()).as(result.describe()).isEqualTo("adopted_newer");
            assertThat(document.path("network_call").asBoolean()).isFalse();
            assertThat(CounterLine.lockWaitMillis(result)).as("stopped waiting before the 10 s deadline").isLessThan(9_500);
            assertThat(result.stderr()).contains("token_refreshes=0");
            assertThat(foreign.process().isAlive()).as("the foreign CLI still holds refresh.lock").isTrue();
            assertThat(run("flock", "-n", auth.resolve("refresh.lock").toString(), "true")).isOne();
            assertThat(refreshRequests() - before).as("the foreign CLI's refresh only").isEqualTo(1);
            StoredSession after = box.onDisk().orElseThrow();
            assertThat(after.refreshToken().reveal()).isNotEqualTo(box.minted.refreshToken());
            NoTokenLeak.alsoScanFor(after.accessToken().reveal(), after.refreshToken().reveal());
        }
    }

    /**
     * Bursts after the access token expired, mixing 2 CLI processes with a Python second CLI that
     * locks and refreshes like the reference (started 0-1.5 s later, so either side may win):
     * exactly one refresh reaches the server in every round.
     */
    @Test
    @Timeout(900) // 40 CLI JVMs and 20 Python processes: ~1 min on 2 quiet cores, 5+ min under a load of 20
    void mixedBurstsWithAForeignFlockContenderRefreshExactlyOncePerRound() throws Exception {
        Random random = new Random(20261206);
        Map<String, Integer> refreshedBy = new TreeMap<>();
        long started = System.nanoTime();
        for (int round = 0; round < MIXED_ROUNDS; round++) {
            EmulatorSandbox box = EmulatorSandbox.seeded(tempDir, emulator, "mixed" + round, Duration.ofSeconds(-1),
                    true);
            long before = refreshRequests();
            CliProcess.Running first = box.spawn(Map.of(), "auth", "refresh", "--json");
            CliProcess.Running second = box.spawn(Map.of(), "auth", "refresh", "--json");
            Thread.sleep(random.nextInt(1500));
            Process foreign = ReferenceCli.refresh(CliProcess.authDirectory(box.sandbox), emulator.baseUrl());

            String foreignOutcome = firstLine(foreign);
            assertThat(foreign.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(foreignOutcome).as("round %d, the Python contender", round).isIn("refreshed", "adopted");
            if (foreignOutcome.equals("refreshed")) {
                refreshedBy.merge("python", 1, Integer::sum);
            }
            for (CliProcess.Running cli : new CliProcess.Running[] {first, second}) {
                Result result = cli.await();
                assertThat(result.exitCode()).as("round %d: %s", round, result.describe()).isZero();
                String outcome = JsonDocuments.single(result.stdout()).path("outcome").asString();
                assertThat(outcome).as("round %d", round).isNotIn("lock_timeout_error", "current_rejection_cleared");
                if (outcome.equals("refreshed")) {
                    refreshedBy.merge("java", 1, Integer::sum);
                }
            }
            assertThat(refreshRequests() - before).as("refresh requests in round %d", round).isEqualTo(1);
            StoredSession after = box.onDisk().orElseThrow();
            assertThat(after.refreshToken().reveal()).isNotEqualTo(box.minted.refreshToken());
            assertThat(emulator.refreshTokenState(after.refreshToken().reveal())).isEqualTo(RefreshTokenState.CURRENT);
            NoTokenLeak.alsoScanFor(after.accessToken().reveal(), after.refreshToken().reveal());
            System.out.printf("mixed round %d done at %d ms (python: %s)%n", round,
                    (System.nanoTime() - started) / 1_000_000, foreignOutcome);
        }
        System.out.printf("mixed bursts: %d rounds in %d ms, the refresh was done by %s%n", MIXED_ROUNDS,
                (System.nanoTime() - started) / 1_000_000, refreshedBy);
        assertThat(refreshedBy.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(MIXED_ROUNDS);
    }

    private static void assertLoggedOutEverywhere(EmulatorSandbox box) {
        assertThat(CliProcess.authDirectory(box.sandbox).resolve("session.json")).doesNotExist();
        assertThat(box.run("auth", "status").stdout()).contains("Not authenticated");
        assertThat(emulator.session(box.minted.sessionId()).orElseThrow().revoked())
                .as("the server session is revoked").isTrue();
    }

    private static void awaitSpent(String refreshToken) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (emulator.refreshTokenState(refreshToken) != RefreshTokenState.SPENT) {
            assertThat(System.nanoTime()).as("the CLI never refreshed").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static String firstLine(Process process) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        return line == null ? "" : line.trim();
    }

    private static int run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }
}

package dev.speckitty.shell.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.domain.session.StoredSession;
import dev.speckitty.emulator.Endpoint;
import dev.speckitty.emulator.GrantType;
import dev.speckitty.emulator.HostedEmulator;
import dev.speckitty.emulator.state.MintedSession;
import dev.speckitty.shell.support.CliProcess.Result;
import dev.speckitty.shell.support.JsonDocuments;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** Concurrent bursts of real CLI processes sharing one session (behaviour.md E1, H2). */
final class RefreshBursts {

    private static final Pattern COUNTER = Pattern.compile("spec-kitty-counters .*token_refreshes=(\\d+) "
            + "membership_fetches=(\\d+) lock_waits_ms=(\\d+)");
    private static final String[] DOCTOR = {"auth", "doctor", "--server", "--json"};
    private static final String[] REFRESH = {"auth", "refresh", "--json"};

    /** What one burst measured. */
    record Measured(int processes, long wallMillis, long refreshTokensIssued, long maxLockWaitMillis) {}

    private RefreshBursts() {}

    /**
     * Bursts on fresh sandboxes seeded from {@code emulator}, each followed by the sandbox's
     * hermeticity and token-file checks.
     */
    static void spendTheRefreshTokenOnce(HostedEmulator emulator, java.nio.file.Path tempDir, int... bursts)
            throws Exception {
        for (int processes : bursts) {
            EmulatorSandbox box = EmulatorSandbox.seeded(tempDir, emulator, "burst" + processes,
                    java.time.Duration.ofSeconds(-1), true);
            spendTheRefreshTokenOnce(emulator, box, processes);
            box.assertHermeticAndTokenFree();
        }
    }

    /**
     * E1: {@code processes} CLI processes started together on a session whose access token expired
     * 1 s ago (locally and at the emulator, so only the rotated access token passes the server
     * check); every 4th runs {@code auth refresh --json}, the others {@code auth doctor --server
     * --json}. A process that waited the full 10 s for the lock (they queue through it one by one)
     * adopts the rotated token ({@code lock_timeout_adopted}). Exactly one refresh happens, every process succeeds on the rotated session, and a
     * following run makes no token call.
     */
    static Measured spendTheRefreshTokenOnce(HostedEmulator emulator, EmulatorSandbox box, int processes)
            throws Exception {
        MintedSession minted = box.minted;
        assertThat(emulator.expireAccessTokens(minted.sessionId())).isTrue();
        long issuedBefore = emulator.counters().tokensIssued(GrantType.REFRESH_TOKEN);
        long grantsBefore = emulator.counters().grantRequests(GrantType.REFRESH_TOKEN);
        long tokenCallsBefore = emulator.counters().calls(Endpoint.TOKEN);
        long meBefore = emulator.counters().calls(Endpoint.ME);
        List<String[]> commands = new ArrayList<>();
        for (int i = 0; i < processes; i++) {
            commands.add(i % 4 == 3 ? REFRESH : DOCTOR);
        }

        long started = System.nanoTime();
        List<Result> results = together(box, commands);
        long wallMillis = (System.nanoTime() - started) / 1_000_000;

        long issued = emulator.counters().tokensIssued(GrantType.REFRESH_TOKEN) - issuedBefore;
        int summedRefreshPosts = 0;
        long maxLockWait = 0;
        int refreshedOutcomes = 0;
        for (Result result : results) {
            assertThat(result.exitCode()).as(result.describe()).isZero();
            JsonNode document = JsonDocuments.single(result.stdout());
            if (result.args().contains("doctor")) {
                JsonNode server = document.path("server_session");
                assertThat(server.path("active").asBoolean()).as(result.describe()).isTrue();
                assertThat(server.path("session_id").asString()).as(result.describe()).isEqualTo(minted.sessionId());
            } else {
                String outcome = document.path("outcome").asString();
                assertThat(outcome).as(result.describe()).isIn(Set.of("refreshed", "adopted_newer", "not_needed", "lock_timeout_adopted"));
                refreshedOutcomes += "refreshed".equals(outcome) ? 1 : 0;
            }
            Matcher counters = COUNTER.matcher(result.stderr());
            assertThat(counters.find()).as(result.describe()).isTrue();
            summedRefreshPosts += Integer.parseInt(counters.group(1));
            assertThat(counters.group(2)).as("membership fetches of %s", result.args()).isEqualTo("0");
            maxLockWait = Math.max(maxLockWait, Long.parseLong(counters.group(3)));
        }
        Measured measured = new Measured(processes, wallMillis, issued, maxLockWait);
        System.out.printf("E1 burst of %d processes: %d ms wall, %d refresh token(s) issued, max lock wait %d ms%n",
                processes, wallMillis, issued, maxLockWait);

        assertThat(issued).as("refresh tokens issued by the emulator").isEqualTo(1);
        assertThat(emulator.counters().grantRequests(GrantType.REFRESH_TOKEN) - grantsBefore).isEqualTo(1);
        assertThat(emulator.counters().calls(Endpoint.TOKEN) - tokenCallsBefore).isEqualTo(1);
        assertThat(summedRefreshPosts).as("refresh POSTs counted by the processes").isEqualTo(1);
        assertThat(refreshedOutcomes).isLessThanOrEqualTo(1);
        assertThat(emulator.counters().calls(Endpoint.ME) - meBefore).as("/api/v1/me calls").isZero();

        StoredSession after = box.onDisk().orElseThrow();
        assertThat(after.refreshToken().reveal()).startsWith("rt_").isNotEqualTo(minted.refreshToken());
        assertThat(after.accessToken().reveal()).startsWith("at_").isNotEqualTo(minted.accessToken());
        assertThat(after.sessionId()).isEqualTo(minted.sessionId());

        long tokenCallsBeforeNext = emulator.counters().calls(Endpoint.TOKEN);
        Result next = box.run(DOCTOR);
        assertThat(JsonDocuments.single(next.stdout()).path("server_session").path("active").asBoolean())
                .as(next.describe()).isTrue();
        assertThat(emulator.counters().calls(Endpoint.TOKEN)).as("token calls of the following run")
                .isEqualTo(tokenCallsBeforeNext);
        return measured;
    }

    /** Starts every command on its own thread, released together, and waits for all of them. */
    static List<Result> together(EmulatorSandbox box, List<String[]> commands) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(commands.size());
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Result>> futures = new ArrayList<>();
            for (String[] command : commands) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return box.run(command);
                }));
            }
            go.countDown();
            List<Result> results = new ArrayList<>();
            for (Future<Result> future : futures) {
                results.add(future.get(190, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}

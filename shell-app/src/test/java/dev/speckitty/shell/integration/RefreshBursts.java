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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** Concurrent bursts of real CLI processes sharing one session (docs/spec/behaviour.md E1, H2). */
final class RefreshBursts {

    private static final Pattern TOKEN_REFRESHES = Pattern.compile("token_refreshes=(\\d+)");

    private RefreshBursts() {}

    /** E1: bursts of CLI processes with an expired access token; exactly one refresh per burst. */
    static void spendTheRefreshTokenOnce(HostedEmulator emulator, Path tempDir, int... bursts) throws Exception {
        for (int processes : bursts) {
            EmulatorSandbox box = EmulatorSandbox.seeded(tempDir, emulator, "burst" + processes, Duration.ofSeconds(-1), true);
            long issuedBefore = emulator.counters().tokensIssued(GrantType.REFRESH_TOKEN);
            long meBefore = emulator.counters().calls(Endpoint.ME);
            long started = System.nanoTime();

            List<Result> results = burst(box, processes, "auth", "doctor", "--server", "--json");

            long wallMillis = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("E1 burst of %d processes: %d ms wall, %d refresh(es) issued%n", processes, wallMillis,
                    emulator.counters().tokensIssued(GrantType.REFRESH_TOKEN) - issuedBefore);
            int summedRefreshPosts = 0;
            for (Result result : results) {
                assertThat(result.exitCode()).as(result.describe()).isZero();
                JsonNode document = JsonDocuments.single(result.stdout());
                assertThat(document.path("server_session").path("active").asBoolean()).as(result.describe()).isTrue();
                Matcher matcher = TOKEN_REFRESHES.matcher(result.stderr());
                assertThat(matcher.find()).isTrue();
                summedRefreshPosts += Integer.parseInt(matcher.group(1));
            }
            assertThat(emulator.counters().tokensIssued(GrantType.REFRESH_TOKEN) - issuedBefore).isEqualTo(1);
            assertThat(summedRefreshPosts).isEqualTo(1);
            assertThat(emulator.counters().calls(Endpoint.ME) - meBefore).isZero();
            StoredSession after = box.onDisk().orElseThrow();
            assertThat(after.refreshToken().reveal()).isNotEqualTo(box.minted.refreshToken());
            assertThat(after.accessToken().reveal()).isNotEqualTo(box.minted.accessToken());
            assertThat(after.sessionId()).isEqualTo(box.minted.sessionId());
            NoTokenLeak.alsoScanFor(after.accessToken().reveal(), after.refreshToken().reveal());

            long beforeThird = emulator.counters().grantRequests(GrantType.REFRESH_TOKEN);
            assertThat(box.run("auth", "doctor", "--server", "--json").exitCode()).isZero();
            assertThat(emulator.counters().grantRequests(GrantType.REFRESH_TOKEN)).isEqualTo(beforeThird);
            assertThat(box.egress()).isEmpty();
            assertNoTokenOutsideTheSession(box, after);
        }
    }

    static List<Result> burst(EmulatorSandbox box, int processes, String... args) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(processes);
        try {
            List<Future<Result>> futures = new ArrayList<>();
            for (int i = 0; i < processes; i++) {
                futures.add(pool.submit(() -> box.run(args)));
            }
            List<Result> results = new ArrayList<>();
            for (Future<Result> future : futures) {
                results.add(future.get(190, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** H2: no token in any file under auth/ except the encrypted session itself. */
    static void assertNoTokenOutsideTheSession(EmulatorSandbox box, StoredSession after) throws Exception {
        try (var files = Files.list(CliProcess.authDirectory(box.sandbox))) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.endsWith("session.json")).toList()) {
                String content = Files.readString(file, StandardCharsets.ISO_8859_1);
                for (String token : List.of(box.minted.accessToken(), box.minted.refreshToken(),
                        after.accessToken().reveal(), after.refreshToken().reveal())) {
                    assertThat(content).as(file.toString()).doesNotContain(token);
                }
            }
        }
    }
}

package dev.speckitty.shell.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.emulator.EmulatorSettings;
import dev.speckitty.emulator.Endpoint;
import dev.speckitty.emulator.HostedEmulator;
import dev.speckitty.emulator.fault.Fault;
import dev.speckitty.shell.support.CliProcess;
import dev.speckitty.shell.support.CliProcess.Result;
import dev.speckitty.shell.support.CliProcess.Running;
import dev.speckitty.shell.support.NoTokenLeak;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C (SIGINT) in the middle of {@code auth login} and {@code auth logout}: exit 130 and no
 * partial session (issue 3). Login writes its session in one atomic step at the very end, so an
 * interrupted login leaves nothing; an interrupted logout has not deleted anything yet, so the
 * session is still whole and readable (the user can run logout again).
 */
@ExtendWith(NoTokenLeak.class)
class InterruptedAuthTest {

    @TempDir
    static Path tempDir;

    static HostedEmulator emulator;

    @BeforeAll
    static void start() {
        emulator = HostedEmulator.start(EmulatorSettings.builder().autoApprove(false).build()); // nobody approves
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    @Timeout(90)
    void ctrlCWhileTheDeviceCodeWaitsForApprovalExits130AndWritesNoSession() throws Exception {
        Path sandbox = CliProcess.freshSandbox(Files.createTempDirectory(tempDir, "login"));
        long pollsBefore = emulator.counters().calls(Endpoint.TOKEN);

        Running login = CliProcess.spawn(sandbox, Map.of("SPEC_KITTY_SAAS_URL", emulator.baseUrl()),
                "auth", "login", "--headless");
        awaitCount(() -> emulator.counters().calls(Endpoint.TOKEN), pollsBefore + 1, login, "a device-code poll");
        login.signal("INT");
        Result result = login.await();

        assertThat(result.exitCode()).as(result.describe()).isEqualTo(130);
        assertThat(result.stderr()).contains("Login cancelled by user.").doesNotContain("Exception");
        Path auth = CliProcess.authDirectory(sandbox);
        assertThat(auth.resolve("session.json")).doesNotExist();
        assertThat(auth.resolve("session.json.tmp")).doesNotExist();
        assertThat(auth.resolve("session.hot-path.json")).doesNotExist();
        assertThat(CliProcess.run(sandbox, "auth", "status").stdout()).contains("Not authenticated");
    }

    @Test
    @Timeout(90)
    void ctrlCWhileTheRevocationIsInFlightExits130AndKeepsTheWholeSession() throws Exception {
        EmulatorSandbox box = EmulatorSandbox.seeded(tempDir, emulator, "logout", Duration.ofMinutes(10), true);
        Path sessionFile = CliProcess.authDirectory(box.sandbox).resolve("session.json");
        byte[] before = Files.readAllBytes(sessionFile);
        long revokesBefore = emulator.counters().calls(Endpoint.REVOKE);
        emulator.faults().add(Endpoint.REVOKE, Fault.delay(60_000).times(1)); // the server hangs
        try {
            Running logout = CliProcess.spawn(box.sandbox, box.environment, "auth", "logout");
            awaitCount(() -> emulator.counters().calls(Endpoint.REVOKE), revokesBefore + 1, logout, "the revoke call");
            logout.signal("INT");
            Result result = logout.await();

            assertThat(result.exitCode()).as(result.describe()).isEqualTo(130);
            assertThat(result.stdout()).doesNotContain("Logged out");
            assertThat(result.stderr()).doesNotContain("Exception");
            assertThat(Files.readAllBytes(sessionFile)).as("the session file is untouched").isEqualTo(before);
            assertThat(box.onDisk()).hasValueSatisfying(
                    s -> assertThat(s.refreshToken().reveal()).isEqualTo(box.minted.refreshToken()));
        } finally {
            emulator.faults().clear(Endpoint.REVOKE);
        }
        Result again = box.run("auth", "logout");
        assertThat(again.exitCode()).as(again.describe()).isZero();
        assertThat(sessionFile).doesNotExist();
    }

    private static void awaitCount(LongSupplier counter, long atLeast, Running process, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (counter.getAsLong() < atLeast) {
            assertThat(process.isAlive()).as("the CLI is still running while waiting for " + what).isTrue();
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}

package dev.speckitty.shell.blackbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.adapters.storage.session.EncryptedFileSessionStore;
import dev.speckitty.shell.support.CliProcess;
import dev.speckitty.shell.support.CliProcess.Result;
import dev.speckitty.shell.support.CounterLine;
import dev.speckitty.shell.support.NoTokenLeak;
import dev.speckitty.shell.support.SampleSessions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The session hot path across real processes (docs/spec/behaviour.md §5, G1–G7): presence-only starts do no
 * durable read while the handoff is fresh, and the baseline does one each.
 */
@ExtendWith(NoTokenLeak.class)
class HotPathCliTest {

    @TempDir
    Path tempDir;

    private Path seeded() throws Exception {
        Path sandbox = CliProcess.freshSandbox(tempDir);
        EncryptedFileSessionStore.inAuthDirectory(CliProcess.authDirectory(sandbox))
                .write(SampleSessions.valid(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        return sandbox;
    }

    @Test
    void eightPresenceOnlyStartsReadNothingWithTheHotPathAndEightTimesWithout() throws Exception {
        Path sandbox = seeded();
        Result first = CliProcess.runWith(sandbox, CounterLine.ENABLED, "auth", "status");
        assertThat(CounterLine.of(first).durableReads()).isEqualTo(1); // the durable read publishes the handoff
        Path handoff = CliProcess.authDirectory(sandbox).resolve("session.hot-path.json");
        assertThat(Files.readString(handoff)).doesNotContain("SENTINEL").doesNotContain("@");

        int hotReads = 0;
        int hotKdf = 0;
        int baselineReads = 0;
        for (int i = 0; i < 8; i++) {
            Result hot = CliProcess.runWith(sandbox, CounterLine.ENABLED, "auth", "status", "--short");
            assertThat(hot.stdout()).isEqualTo("authenticated\n");
            hotReads += CounterLine.of(hot).durableReads();
            hotKdf += CounterLine.of(hot).kdfDerivations();
        }
        for (int i = 0; i < 8; i++) {
            Result baseline = CliProcess.runWith(sandbox,
                    Map.of("SPEC_KITTY_DEBUG_COUNTERS", "1", "SPEC_KITTY_DISABLE_SESSION_HOT_PATH", "1"),
                    "auth", "status", "--short");
            assertThat(baseline.stdout()).isEqualTo("authenticated\n");
            baselineReads += CounterLine.of(baseline).durableReads();
        }

        assertThat(hotReads).isZero();
        assertThat(hotKdf).isZero();
        assertThat(baselineReads).isEqualTo(8);
    }

    @Test
    void aDeletedDurableFileBehindAFreshHandoffIsNotAuthenticated() throws Exception {
        Path sandbox = seeded();
        CliProcess.run(sandbox, "auth", "status");
        Files.delete(CliProcess.authDirectory(sandbox).resolve("session.json"));

        Result result = CliProcess.run(sandbox, "auth", "status", "--short");

        assertThat(result.stdout()).isEqualTo("not_authenticated\n");
    }

    @Test
    void aBlockedPublishStillReportsAuthenticatedWithoutATrace() throws Exception {
        Path sandbox = seeded();
        Path blocker = CliProcess.authDirectory(sandbox).resolve("session.hot-path.json.tmp");
        Files.createDirectories(blocker);
        Files.writeString(blocker.resolve("keep"), "x");

        Result result = CliProcess.run(sandbox, "auth", "status");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.stdout()).startsWith("+ Authenticated");
        assertThat(result.stderr()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aStaleHandoffIsIgnoredAndRebuilt() throws Exception {
        Path sandbox = seeded();
        CliProcess.run(sandbox, "auth", "status");
        Path handoff = CliProcess.authDirectory(sandbox).resolve("session.hot-path.json");
        Files.writeString(handoff, Files.readString(handoff).replaceAll("\"generated_at\":[0-9.]+", "\"generated_at\":0"));

        Result result = CliProcess.runWith(sandbox, CounterLine.ENABLED, "auth", "status");

        assertThat(result.stdout()).startsWith("+ Authenticated");
        assertThat(CounterLine.of(result).durableReads()).isEqualTo(1);
        assertThat(Files.readString(handoff)).doesNotContain("\"generated_at\":0,");
    }
}

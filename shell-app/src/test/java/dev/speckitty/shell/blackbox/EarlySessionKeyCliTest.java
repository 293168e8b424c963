package dev.speckitty.shell.blackbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.adapters.storage.session.EncryptedFileSessionStore;
import dev.speckitty.adapters.storage.session.crypto.MachinePassphrase;
import dev.speckitty.adapters.storage.support.Python;
import dev.speckitty.shell.EarlySessionKey;
import dev.speckitty.shell.support.CliProcess;
import dev.speckitty.shell.support.CliProcess.Result;
import dev.speckitty.shell.support.CounterLine;
import dev.speckitty.shell.support.NoTokenLeak;
import dev.speckitty.shell.support.SampleSessions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The session key derived beside start-up (docs/performance.md, issue 12), seen through the work
 * counters of real processes: every command {@code main} guesses will decrypt does decrypt, with one
 * derivation in all; a guess that decrypts nothing still counts its derivation; the commands that
 * decrypt nothing derive nothing. Together: the one derivation of a decrypting command is the early one.
 */
@ExtendWith(NoTokenLeak.class)
class EarlySessionKeyCliTest {

    @TempDir
    Path tempDir;

    private Path seeded(String name) throws Exception {
        Path sandbox = CliProcess.freshSandbox(tempDir.resolve(name));
        EncryptedFileSessionStore.inAuthDirectory(CliProcess.authDirectory(sandbox))
                .write(SampleSessions.valid(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        return sandbox;
    }

    @Test
    void everyCommandGuessedToDecryptDecryptsWithOneDerivation() throws Exception {
        for (String command : EarlySessionKey.DECRYPTING_COMMANDS) {
            Path sandbox = seeded(command.replace(' ', '-')); // logout removes the session: one home each
            Result result = CliProcess.runWith(sandbox, CounterLine.ENABLED, command.split(" "));
            assertThat(result.exitCode()).as(result.describe()).isZero();
            assertThat(CounterLine.of(result)).as(command).isEqualTo(new CounterLine(1, 1));
        }
    }

    /** The independent counterpart: a session and salt written by Python's {@code cryptography}, not by us. */
    @Test
    void theEarlyKeyDecryptsASessionPythonWrote() throws Exception {
        Python.requireCryptography();
        Path sandbox = CliProcess.freshSandbox(tempDir.resolve("python"));
        String passphrase = new String(MachinePassphrase.forThisMachine(), StandardCharsets.UTF_8);
        Python.Result written = Python.run(Python.compatScript().toString(), "write",
                CliProcess.authDirectory(sandbox).toString(), passphrase);
        assertThat(written.exitCode()).as(written.stderr()).isZero();

        Result result = CliProcess.runWith(sandbox, CounterLine.ENABLED, "auth", "doctor");

        assertThat(result.stdout()).as(result.describe()).contains("compat@example.com");
        assertThat(CounterLine.of(result)).isEqualTo(new CounterLine(1, 1));
    }

    @Test
    void aGuessThatDecryptsNothingStillCountsItsDerivation() throws Exception {
        Result result = CliProcess.runWith(seeded("usage"), CounterLine.ENABLED, "auth", "whoami", "--no-such-option");

        assertThat(result.exitCode()).as(result.describe()).isEqualTo(2);
        assertThat(CounterLine.of(result)).isEqualTo(new CounterLine(0, 1));
    }

    @Test
    void commandsThatDecryptNothingDeriveNothing() throws Exception {
        Path sandbox = seeded("none");
        CliProcess.run(sandbox, "auth", "status"); // publishes the hot-path handoff --short answers from
        for (List<String> words : List.of(List.of("auth", "status", "--short"), List.of("auth", "whoami", "--help"),
                List.of("version"))) {
            Result result = CliProcess.runWith(sandbox, CounterLine.ENABLED, words.toArray(String[]::new));
            assertThat(result.exitCode()).as(result.describe()).isZero();
            assertThat(CounterLine.of(result).kdfDerivations()).as(String.join(" ", words)).isZero();
        }
    }
}

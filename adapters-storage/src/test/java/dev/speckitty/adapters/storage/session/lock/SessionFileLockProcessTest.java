package dev.speckitty.adapters.storage.session.lock;

import static dev.speckitty.adapters.storage.support.TestSessions.PASSPHRASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.speckitty.adapters.storage.session.EncryptedFileSessionStore;
import dev.speckitty.adapters.storage.session.StorageActivity;
import dev.speckitty.adapters.storage.support.TestSessions;
import dev.speckitty.domain.session.SessionStorageException;
import dev.speckitty.domain.session.SessionStorageException.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** session.lock held by another OS process blocks this JVM's reads and writes until it is released. */
class SessionFileLockProcessTest {

    @TempDir
    Path authDir;

    @Test
    @Timeout(20)
    void anotherProcessHoldingTheSessionLockTimesUsOutThenLetsUsIn() throws Exception {
        EncryptedFileSessionStore.withPassphrase(authDir, PASSPHRASE).write(TestSessions.sample("held"));
        byte[] before = Files.readAllBytes(authDir.resolve("session.json"));
        EncryptedFileSessionStore impatient = new EncryptedFileSessionStore(authDir, PASSPHRASE,
                Duration.ofMillis(500), StorageActivity.NONE);

        try (ChildProcess holder = ChildProcess.start("hold-session", authDir.toString(), "3000")) {
            holder.awaitLine("LOCKED", 10);

            SessionStorageException writeFailure = catchThrowableOfType(SessionStorageException.class,
                    () -> impatient.write(TestSessions.sample("blocked")));
            SessionStorageException readFailure = catchThrowableOfType(SessionStorageException.class, impatient::read);

            assertThat(writeFailure.problem()).isEqualTo(Problem.LOCK_TIMEOUT);
            assertThat(readFailure.problem()).isEqualTo(Problem.LOCK_TIMEOUT);
            assertThat(Files.readAllBytes(authDir.resolve("session.json"))).isEqualTo(before);

            // a patient store waits for the release and then writes
            EncryptedFileSessionStore.withPassphrase(authDir, PASSPHRASE).write(TestSessions.sample("after"));
            holder.awaitLine("RELEASED", 1);
        }
        assertThat(impatient.read()).contains(TestSessions.sample("after"));
    }
}

package dev.speckitty.adapters.storage.session.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.adapters.storage.session.EncryptedFileSessionStore;
import dev.speckitty.adapters.storage.support.TestSessions;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SaltFileTest {

    private static final int CREATIONS = 500;

    @TempDir
    Path authDir;

    /**
     * A process killed while it creates the salt must not leave a short one: every later write would
     * fail with SALT_WRONG_LENGTH until the user removed the file by hand. So no observer may ever
     * see {@code session.salt} with other than 16 bytes.
     */
    @Test
    void theSaltAppearsWholeOrNotAtAll() throws Exception {
        SaltFile salt = new SaltFile(authDir.resolve("session.salt"));
        SecureRandom random = new SecureRandom();
        AtomicBoolean creating = new AtomicBoolean(true);
        AtomicLong observed = new AtomicLong();
        AtomicInteger short_ = new AtomicInteger();
        Thread observer = Thread.ofPlatform().start(() -> {
            while (creating.get()) {
                try {
                    long size = Files.size(salt.path());
                    observed.incrementAndGet();
                    if (size != 16) {
                        short_.incrementAndGet();
                    }
                } catch (NoSuchFileException absent) {
                    // not there: fine
                } catch (java.io.IOException unexpected) {
                    short_.incrementAndGet();
                }
            }
        });
        try {
            for (int i = 0; i < CREATIONS; i++) {
                assertThat(salt.loadOrCreate(random)).hasSize(16);
                Files.delete(salt.path());
            }
        } finally {
            creating.set(false);
            observer.join();
        }
        System.out.printf("salt creation: %d creations, %d observations of the file, %d short%n", CREATIONS,
                observed.get(), short_.get());
        assertThat(observed.get()).as("the observer saw the file at all").isPositive();
        assertThat(short_.get()).as("observations of a salt shorter than 16 bytes").isZero();
    }

    @Test
    void aStaleSaltTemporaryFileFromACrashDoesNotStopTheFirstWriteAndIsGoneAfterIt() throws Exception {
        Files.createDirectories(authDir);
        Path stale = authDir.resolve("session.salt.tmp");
        Files.write(stale, new byte[] {1, 2, 3});

        EncryptedFileSessionStore store = EncryptedFileSessionStore.withPassphrase(authDir, TestSessions.PASSPHRASE);
        store.write(TestSessions.sample("salt"));

        assertThat(stale).doesNotExist();
        assertThat(authDir.resolve("session.salt")).hasSize(16);
        assertThat(store.read()).contains(TestSessions.sample("salt"));
    }
}

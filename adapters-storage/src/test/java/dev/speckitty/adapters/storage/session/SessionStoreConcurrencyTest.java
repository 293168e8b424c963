package dev.speckitty.adapters.storage.session;

import static dev.speckitty.adapters.storage.support.TestSessions.PASSPHRASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.speckitty.adapters.storage.session.lock.SessionFileLock;
import dev.speckitty.adapters.storage.support.TestSessions;
import dev.speckitty.domain.session.SessionStorageException;
import dev.speckitty.domain.session.SessionStorageException.Problem;
import dev.speckitty.domain.session.StoredSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class SessionStoreConcurrencyTest {

    @TempDir
    Path authDir;

    @Test
    @Timeout(60)
    void concurrentWritersNeverLeaveAHalfWrittenOrUndecryptableFile() throws Exception {
        int writers = 4;
        int writesEach = 4;
        Set<StoredSession> written = ConcurrentHashMap.newKeySet();
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Optional<StoredSession>> observed = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> writes = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                writes.add(pool.submit(() -> {
                    EncryptedFileSessionStore store = EncryptedFileSessionStore.withPassphrase(authDir, PASSPHRASE);
                    start.await();
                    for (int i = 0; i < writesEach; i++) {
                        StoredSession session = TestSessions.sample("w" + writer + "-" + i);
                        written.add(session);
                        store.write(session);
                    }
                    return null;
                }));
            }
            Future<?> reads = pool.submit(() -> {
                EncryptedFileSessionStore store = EncryptedFileSessionStore.withPassphrase(authDir, PASSPHRASE);
                start.await();
                while (writing.get()) {
                    observed.add(store.read()); // any failure here fails the test through get()
                }
                return null;
            });
            start.countDown();
            for (Future<?> write : writes) {
                write.get(50, TimeUnit.SECONDS);
            }
            writing.set(false);
            reads.get(10, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        StoredSession last = EncryptedFileSessionStore.withPassphrase(authDir, PASSPHRASE).read().orElseThrow();
        assertThat(written).hasSize(writers * writesEach).contains(last);
        assertThat(observed).isNotEmpty().allSatisfy(read -> read.ifPresent(s -> assertThat(written).contains(s)));
        assertThat(authDir.resolve("session.json.tmp")).doesNotExist();
    }

    @Test
    @Timeout(60)
    void writesRacingDeletesNeverProduceAnUndecryptableSession() throws Exception {
        // delete rotates the salt; a writer that derived its key from the old salt must notice
        ExecutorService pool = Executors.newFixedThreadPool(3);
        AtomicBoolean running = new AtomicBoolean(true);
        try {
            Future<?> writer = pool.submit(() -> {
                EncryptedFileSessionStore store = EncryptedFileSessionStore.withPassphrase(authDir, PASSPHRASE);
                for (int i = 0; i < 12; i++) {
                    StoredSession session = TestSessions.sample("race" + i);
                    store.write(session);
                    // right after our write: deleted meanwhile (empty) or exactly ours, never undecryptable
                    store.read().ifPresent(read -> assertThat(read).isEqualTo(session));
                }
                return null;
            });
            Future<?> deleter = pool.submit(() -> {
                EncryptedFileSessionStore store = EncryptedFileSessionStore.withPassphrase(authDir, PASSPHRASE);
                while (running.get()) {
                    store.delete();
                    Thread.sleep(40);
                }
                return null;
            });
            Future<?> reader = pool.submit(() -> {
                EncryptedFileSessionStore store = EncryptedFileSessionStore.withPassphrase(authDir, PASSPHRASE);
                while (running.get()) {
                    store.read(); // empty or a session; never a decryption failure
                }
                return null;
            });
            writer.get(50, TimeUnit.SECONDS);
            running.set(false);
            deleter.get(10, TimeUnit.SECONDS);
            reader.get(10, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        EncryptedFileSessionStore store = EncryptedFileSessionStore.withPassphrase(authDir, PASSPHRASE);
        store.write(TestSessions.sample("final"));
        assertThat(store.read()).contains(TestSessions.sample("final"));
    }

    @Test
    @Timeout(20)
    void aWriteWhoseSaltIsRotatedDuringKeyDerivationEncryptsAgainWithTheNewSalt() throws Exception {
        EncryptedFileSessionStore first = EncryptedFileSessionStore.withPassphrase(authDir, PASSPHRASE);
        first.write(TestSessions.sample("before"));
        byte[] oldSalt = Files.readAllBytes(authDir.resolve("session.salt"));
        java.util.concurrent.atomic.AtomicInteger derivations = new java.util.concurrent.atomic.AtomicInteger();
        StorageActivity deleteDuringFirstDerivation = new StorageActivity() {
            @Override
            public void keyDerived() {
                if (derivations.incrementAndGet() == 1) {
                    first.delete(); // a logout in between: the salt the writer is using is gone
                }
            }
        };
        EncryptedFileSessionStore writer = new EncryptedFileSessionStore(authDir, PASSPHRASE,
                Duration.ofSeconds(10), deleteDuringFirstDerivation);

        writer.write(TestSessions.sample("after"));

        assertThat(derivations).hasValue(2);
        assertThat(Files.readAllBytes(authDir.resolve("session.salt"))).isNotEqualTo(oldSalt);
        assertThat(first.read()).contains(TestSessions.sample("after"));
    }

    @Test
    @Timeout(20)
    void aHeldSessionLockTimesOutWithLockTimeout() throws Exception {
        EncryptedFileSessionStore.withPassphrase(authDir, PASSPHRASE).write(TestSessions.sample("held"));
        byte[] before = Files.readAllBytes(authDir.resolve("session.json"));
        EncryptedFileSessionStore impatient = new EncryptedFileSessionStore(authDir, PASSPHRASE,
                Duration.ofMillis(300), StorageActivity.NONE);

        try (SessionFileLock.Held held =
                new SessionFileLock(authDir.resolve("session.lock"), Duration.ofSeconds(1)).acquire()) {
            long started = System.nanoTime();
            SessionStorageException writeFailure = catchThrowableOfType(SessionStorageException.class,
                    () -> impatient.write(TestSessions.sample("blocked")));
            long waitedMillis = (System.nanoTime() - started) / 1_000_000;
            SessionStorageException readFailure = catchThrowableOfType(SessionStorageException.class, impatient::read);

            assertThat(writeFailure.problem()).isEqualTo(Problem.LOCK_TIMEOUT);
            assertThat(readFailure.problem()).isEqualTo(Problem.LOCK_TIMEOUT);
            assertThat(writeFailure.getMessage()).contains(authDir.resolve("session.lock").toString());
            assertThat(waitedMillis).isGreaterThanOrEqualTo(250);
        }
        assertThat(Files.readAllBytes(authDir.resolve("session.json"))).isEqualTo(before);
        assertThat(impatient.read()).contains(TestSessions.sample("held"));
    }
}

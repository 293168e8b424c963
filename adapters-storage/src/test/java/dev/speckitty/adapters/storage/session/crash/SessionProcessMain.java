package dev.speckitty.adapters.storage.session.crash;

import dev.speckitty.adapters.storage.session.AuthFiles;
import dev.speckitty.adapters.storage.session.EncryptedFileSessionStore;
import dev.speckitty.adapters.storage.session.StorageActivity;
import dev.speckitty.adapters.storage.session.hotpath.HotPathFile;
import dev.speckitty.adapters.storage.session.lock.SessionFileLock;
import dev.speckitty.adapters.storage.support.TestSessions;
import dev.speckitty.domain.session.SessionStorageException;
import dev.speckitty.domain.session.StoredSession;
import dev.speckitty.testfixtures.SessionBuilder;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A separate OS process for the session crash test, on the real {@link EncryptedFileSessionStore}.
 *
 * <pre>
 *   write &lt;authDir&gt;             print "READY", wait for "go N" on stdin, then write generations N, N+1, …
 *                                 forever (hot path on), printing "WROTE g" after each write returned
 *   read  &lt;authDir&gt; &lt;stopFile&gt;  read in a loop until stopFile exists; every read must decrypt, match
 *                                 its generation and never go back; "FAIL …" per failure, then
 *                                 "READER reads=R failures=F last=G"
 *   train &lt;authDir&gt;             one write and one read, then exit (records the classes to share)
 * </pre>
 */
public final class SessionProcessMain {

    private SessionProcessMain() {}

    public static void main(String[] args) throws Exception {
        Path authDirectory = Path.of(args[1]);
        switch (args[0]) {
            case "write" -> write(authDirectory);
            case "read" -> read(authDirectory, Path.of(args[2]));
            case "train" -> train(authDirectory);
            default -> throw new IllegalArgumentException("unknown mode");
        }
    }

    /** Generation {@code n}: the counter is in the generation field and in both tokens. */
    static StoredSession generation(long n) {
        return SessionBuilder.from(TestSessions.sample("crash")).accessToken(TestSessions.ACCESS_SENTINEL + "g" + n)
                .refreshToken(TestSessions.REFRESH_SENTINEL + "g" + n).generation(n).build();
    }

    /** True when every generation-dependent field of {@code session} agrees with its generation. */
    static boolean consistent(StoredSession session) {
        return session.generation() != null && session.equals(generation(session.generation()));
    }

    private static void write(Path authDirectory) throws Exception {
        EncryptedFileSessionStore store = new EncryptedFileSessionStore(authDirectory, TestSessions.PASSPHRASE,
                SessionFileLock.DEFAULT_TIMEOUT, StorageActivity.NONE,
                new HotPathFile(new AuthFiles(authDirectory), Clock.systemUTC()));
        System.out.println("READY");
        System.out.flush();
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String go = stdin.readLine(); // started ahead of time: JVM start-up is not what the test kills
        if (go == null) {
            return;
        }
        for (long n = Long.parseLong(go.substring("go ".length())); ; n++) {
            store.write(generation(n));
            System.out.println("WROTE " + n);
            System.out.flush();
        }
    }

    private static void train(Path authDirectory) {
        EncryptedFileSessionStore store = new EncryptedFileSessionStore(authDirectory, TestSessions.PASSPHRASE,
                SessionFileLock.DEFAULT_TIMEOUT, StorageActivity.NONE,
                new HotPathFile(new AuthFiles(authDirectory), Clock.systemUTC()));
        store.write(generation(1));
        if (!store.read().map(SessionProcessMain::consistent).orElse(false)) {
            throw new IllegalStateException("the training session did not read back");
        }
    }

    private static void read(Path authDirectory, Path stopFile) throws InterruptedException {
        EncryptedFileSessionStore store = EncryptedFileSessionStore.withPassphrase(authDirectory,
                TestSessions.PASSPHRASE);
        long reads = 0;
        long failures = 0;
        long last = -1;
        while (!Files.exists(stopFile)) {
            String failure = null;
            try {
                Optional<StoredSession> session = store.read();
                reads++;
                if (session.isEmpty()) {
                    failure = "no session although one was always there";
                } else if (!consistent(session.get())) {
                    failure = "a session that is not one the writers wrote";
                } else if (session.get().generation() < last) {
                    failure = "went back from generation " + last + " to " + session.get().generation();
                } else {
                    last = session.get().generation();
                }
            } catch (SessionStorageException unreadable) {
                failure = "unreadable: " + unreadable.problem();
            } catch (RuntimeException unexpected) {
                failure = "read failed: " + unexpected.getClass().getName();
            }
            if (failure != null) {
                failures++;
                System.out.println("FAIL " + failure);
                System.out.flush();
            }
            Thread.sleep(ThreadLocalRandom.current().nextInt(400, 1200)); // a read costs a scrypt: CPU for the writers
        }
        System.out.println("READER reads=" + reads + " failures=" + failures + " last=" + last);
        System.out.flush();
    }
}

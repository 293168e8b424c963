package dev.speckitty.adapters.storage.session.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.speckitty.domain.port.RefreshLock.Lease;
import dev.speckitty.domain.session.SessionStorageException;
import dev.speckitty.domain.session.SessionStorageException.Problem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our locks against holders we did not write: util-linux {@code flock(1)} and Python's
 * {@code fcntl.flock} (what the reference CLI calls) exclude us and are excluded by us, on both
 * {@code refresh.lock} and {@code session.lock}; a POSIX {@code fcntl} record lock does not, which
 * proves we take BSD flock and not fcntl.
 */
class ForeignFlockHoldersTest {

    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

    @TempDir
    Path authDir;

    private Path refreshLockFile;
    private Path sessionLockFile;

    @BeforeEach
    void createTheLockFilesAsWeDo() throws Exception {
        refreshLock().acquire(TEN_SECONDS).orElseThrow().close();
        new SessionFileLock(authDir.resolve("session.lock"), TEN_SECONDS).acquire().close();
        refreshLockFile = authDir.resolve("refresh.lock");
        sessionLockFile = authDir.resolve("session.lock");
    }

    private FileRefreshLock refreshLock() {
        return new FileRefreshLock(authDir, Clock.systemUTC(), "test-host", "test");
    }

    @Test
    @Timeout(30)
    void flockUtilityHoldingRefreshLockBlocksUsUntilItLetsGo() throws Exception {
        try (Foreign holder = Foreign.start("flock", refreshLockFile.toString(), "-c", "echo LOCKED; sleep 2")) {
            holder.awaitLine("LOCKED");
            assertThat(refreshLock().acquire(Duration.ofMillis(500))).as("held by flock(1)").isEmpty();
            long started = System.nanoTime();

            try (Lease lease = refreshLock().acquire(TEN_SECONDS).orElseThrow()) {
                long waited = (System.nanoTime() - started) / 1_000_000;
                assertThat(waited).as("got it only once flock(1) let go").isBetween(500L, 6000L);
                assertThat(holder.exited()).isTrue();
            }
        }
    }

    @Test
    @Timeout(30)
    void flockUtilityHoldingSessionLockBlocksUsUntilItLetsGo() throws Exception {
        try (Foreign holder = Foreign.start("flock", sessionLockFile.toString(), "-c", "echo LOCKED; sleep 2")) {
            holder.awaitLine("LOCKED");
            SessionStorageException timeout = catchThrowableOfType(SessionStorageException.class,
                    () -> new SessionFileLock(sessionLockFile, Duration.ofMillis(500)).acquire());
            assertThat(timeout.problem()).isEqualTo(Problem.LOCK_TIMEOUT);
            long started = System.nanoTime();

            try (SessionFileLock.Held held = new SessionFileLock(sessionLockFile, TEN_SECONDS).acquire()) {
                assertThat((System.nanoTime() - started) / 1_000_000).isBetween(500L, 6000L);
                assertThat(holder.exited()).isTrue();
            }
        }
    }

    @Test
    @Timeout(30)
    void aWaiterStopsWaitingWhenItsConditionTurnsTrueWhileFlockUtilityStillHoldsTheLock() throws Exception {
        Path landed = authDir.resolve("landed");
        try (Foreign holder = Foreign.start("flock", refreshLockFile.toString(), "-c",
                "echo LOCKED; sleep 1; touch '" + landed + "'; sleep 20")) {
            holder.awaitLine("LOCKED");
            AtomicInteger asked = new AtomicInteger();
            long started = System.nanoTime();

            Optional<Lease> lease = refreshLock().acquire(TEN_SECONDS, () -> {
                asked.incrementAndGet();
                return Files.exists(landed);
            });

            long waited = (System.nanoTime() - started) / 1_000_000;
            assertThat(lease).as("never got the lock flock(1) holds").isEmpty();
            assertThat(waited).as("stopped soon after the condition, long before the 10 s deadline")
                    .isBetween(500L, 6000L);
            assertThat(asked.get()).as("asked after each 100 ms attempt").isGreaterThan(3);
            assertThat(holder.exited()).as("flock(1) still holds it").isFalse();
            assertThat(run("flock", "-n", refreshLockFile.toString(), "true")).as("still held").isOne();
        }
    }

    @Test
    void aFreeLockIsTakenWithoutAskingWhetherToStopWaiting() {
        try (Lease lease = refreshLock().acquire(TEN_SECONDS, () -> {
            throw new AssertionError("asked although the lock was free");
        }).orElseThrow()) {
            assertThat(lease).isNotNull();
        }
    }

    @Test
    @Timeout(30)
    void whileWeHoldEitherLockFlockUtilityCannotTakeIt() throws Exception {
        try (Lease lease = refreshLock().acquire(TEN_SECONDS).orElseThrow()) {
            assertThat(run("flock", "-n", refreshLockFile.toString(), "true")).as("flock -n refresh.lock").isOne();
            assertThat(lockKindsOn(refreshLockFile, ProcessHandle.current().pid())).containsExactly("FLOCK");
        }
        assertThat(run("flock", "-n", refreshLockFile.toString(), "true")).isZero();

        try (SessionFileLock.Held held = new SessionFileLock(sessionLockFile, TEN_SECONDS).acquire()) {
            assertThat(run("flock", "-n", sessionLockFile.toString(), "true")).as("flock -n session.lock").isOne();
        }
        assertThat(run("flock", "-n", sessionLockFile.toString(), "true")).isZero();
    }

    @Test
    @Timeout(30)
    void pythonFcntlFlockHolderAndContenderExcludeUs() throws Exception {
        String hold = "import fcntl,os,sys,time\n"
                + "fd=os.open(sys.argv[1], os.O_RDWR)\n"
                + "fcntl.flock(fd, fcntl.LOCK_EX)\n"
                + "print('LOCKED', flush=True)\n"
                + "time.sleep(1.5)\n";
        try (Foreign holder = Foreign.start("python3", "-c", hold, refreshLockFile.toString())) {
            holder.awaitLine("LOCKED");
            long started = System.nanoTime();
            try (Lease lease = refreshLock().acquire(TEN_SECONDS).orElseThrow()) {
                assertThat((System.nanoTime() - started) / 1_000_000).isBetween(300L, 6000L);
                assertThat(holder.exited()).isTrue();
            }
        }
        String tryOnce = "import fcntl,os,sys\n"
                + "fd=os.open(sys.argv[1], os.O_RDWR)\n"
                + "try:\n    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB); print('ACQUIRED')\n"
                + "except BlockingIOError:\n    print('BUSY')\n";
        try (SessionFileLock.Held held = new SessionFileLock(sessionLockFile, TEN_SECONDS).acquire();
                Foreign contender = Foreign.start("python3", "-c", tryOnce, sessionLockFile.toString())) {
            assertThat(contender.awaitLine("")).isEqualTo("BUSY");
        }
    }

    @Test
    @Timeout(30)
    void aPosixRecordLockDoesNotExcludeUsSoWeAreNotUsingFcntl() throws Exception {
        String lockf = "import fcntl,os,sys,time\n"
                + "fd=os.open(sys.argv[1], os.O_RDWR)\n"
                + "fcntl.lockf(fd, fcntl.LOCK_EX)\n"
                + "print('LOCKED', flush=True)\n"
                + "time.sleep(5)\n";
        try (Foreign holder = Foreign.start("python3", "-c", lockf, refreshLockFile.toString())) {
            holder.awaitLine("LOCKED");
            Optional<Lease> lease = refreshLock().acquire(Duration.ofMillis(500));
            assertThat(lease).as("fcntl and flock locks are independent on Linux").isPresent();
            lease.get().close();
        }
    }

    /** The kinds of lock ("FLOCK" or "POSIX") /proc/locks lists for a pid on the file's inode. */
    private static List<String> lockKindsOn(Path file, long pid) throws IOException {
        String inode = ":" + Files.getAttribute(file, "unix:ino");
        return Files.readAllLines(Path.of("/proc/locks")).stream()
                .map(line -> line.trim().split("\\s+"))
                .filter(fields -> fields.length > 5 && fields[4].equals(Long.toString(pid))
                        && fields[5].endsWith(inode))
                .map(fields -> fields[1])
                .toList();
    }

    private static int run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }

    /** A foreign process whose stdout is read line by line. */
    private record Foreign(Process process, BufferedReader out) implements AutoCloseable {

        static Foreign start(String... command) throws IOException {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            return new Foreign(process,
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)));
        }

        String awaitLine(String prefix) throws IOException {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
            throw new AssertionError(process.info().command().orElse("?") + " ended before printing " + prefix);
        }

        boolean exited() throws InterruptedException {
            return process.waitFor(2, TimeUnit.SECONDS);
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }
}

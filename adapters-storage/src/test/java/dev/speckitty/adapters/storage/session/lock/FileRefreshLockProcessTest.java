package dev.speckitty.adapters.storage.session.lock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.domain.port.RefreshLock.Lease;
import dev.speckitty.domain.port.RefreshLock.LockHolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Cross-process exclusion with real OS processes (separate JVMs running {@link LockProcessMain}). */
class FileRefreshLockProcessTest {

    @TempDir
    Path home;

    private Path authDir() {
        return home.resolve("auth");
    }

    private FileRefreshLock lock() {
        return new FileRefreshLock(authDir(), Clock.systemUTC(), "parent-host",
                "parent-test");
    }

    @Test
    @Timeout(20)
    void aSecondProcessCannotAcquireWhileTheFirstHoldsItAndTimesOut() throws Exception {
        try (ChildProcess holder = ChildProcess.start("hold", authDir().toString(), "12000")) {
            holder.awaitLine("LOCKED", 10);

            try (ChildProcess contender = ChildProcess.start("try", authDir().toString(), "1500")) {
                String outcome = contender.awaitLine("", 10);
                assertThat(outcome).startsWith("TIMEOUT");
                assertThat(waited(outcome)).isBetween(1400L, 6000L);
            }
            FileRefreshLock lock = lock();
            long started = System.nanoTime();
            assertThat(lock.acquire(Duration.ofSeconds(1))).isEmpty();
            assertThat((System.nanoTime() - started) / 1_000_000).isBetween(950L, 5000L);
            assertThat(lock.totalWaitedMillis()).isGreaterThanOrEqualTo(950L);

            LockHolder current = lock.currentHolder().orElseThrow();
            assertThat(current.pid()).isEqualTo(holder.pid());
            assertThat(current.host()).isEqualTo("child-host");
            assertThat(current.version()).isEqualTo("child-test");
        }
    }

    @Test
    @Timeout(20)
    void acquiringSucceedsRightAfterTheHolderReleases() throws Exception {
        try (ChildProcess holder = ChildProcess.start("hold", authDir().toString(), "1500")) {
            holder.awaitLine("LOCKED", 10);
            long started = System.nanoTime();

            Optional<Lease> lease = lock().acquire(Duration.ofSeconds(10));

            long waited = (System.nanoTime() - started) / 1_000_000;
            assertThat(lease).isPresent();
            holder.awaitLine("RELEASED", 5);
            assertThat(waited).isBetween(500L, 4000L);
            assertThat(((FileRefreshLock.HeldLease) lease.get()).waitedMillis()).isBetween(500L, 4000L);
            assertThat(lock().currentHolder().orElseThrow().pid()).isEqualTo(ProcessHandle.current().pid());
            lease.get().close();
            assertThat(holder.waitForExit(5)).isZero();
        }
    }

    /**
     * E7 as corrected on 2026-12-06: a 120 s-old record whose holder is alive is never taken over
     * (the old unlink-on-stale step gave two holders); the path keeps its inode and its record.
     */
    @Test
    @Timeout(20)
    void anOldRecordHeldByALiveProcessIsNeverTakenOver() throws Exception {
        try (ChildProcess slow = ChildProcess.start("hold", authDir().toString(), "15000", "120")) {
            slow.awaitLine("LOCKED", 10);
            Path path = authDir().resolve("refresh.lock");
            Object inodeBefore = Files.getAttribute(path, "unix:ino");
            byte[] recordBefore = Files.readAllBytes(path);
            assertThat(lock().currentHolder().orElseThrow().age(Clock.systemUTC().instant()))
                    .isGreaterThan(Duration.ofSeconds(110));
            long started = System.nanoTime();

            Optional<Lease> lease = lock().acquire(Duration.ofSeconds(2));

            assertThat(lease).isEmpty();
            assertThat((System.nanoTime() - started) / 1_000_000).isBetween(1900L, 6000L);
            assertThat(Files.getAttribute(path, "unix:ino")).isEqualTo(inodeBefore);
            assertThat(Files.readAllBytes(path)).isEqualTo(recordBefore);
            assertThat(lock().releaseIfStuck(Duration.ofSeconds(60))).as("held live").isFalse();
        }
    }

    /** E7, second half: the same old record without a live holder is adopted at once, on the same inode. */
    @Test
    @Timeout(20)
    void anOldRecordWithoutALiveHolderIsOverwrittenAtOnce() throws Exception {
        Path path = authDir().resolve("refresh.lock");
        leaveTheRecordOfADeadHolder(120);
        Object inodeBefore = Files.getAttribute(path, "unix:ino");
        long started = System.nanoTime();

        try (Lease lease = lock().acquire(Duration.ofSeconds(10)).orElseThrow()) {
            assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(1000L);
            assertThat(Files.getAttribute(path, "unix:ino")).isEqualTo(inodeBefore);
            assertThat(lock().currentHolder().orElseThrow().pid()).isEqualTo(ProcessHandle.current().pid());
        }
    }

    @Test
    @Timeout(20)
    void readingTheRecordInTheHoldingJvmDoesNotDropTheOsLock() throws Exception {
        FileRefreshLock lock = lock();
        try (Lease lease = lock.acquire(Duration.ofSeconds(2)).orElseThrow()) {
            assertThat(lock.currentHolder()).isPresent();
            assertThat(lock().currentHolder()).isPresent();
            assertThat(lock.releaseIfStuck(Duration.ZERO)).isFalse();

            try (ChildProcess contender = ChildProcess.start("try", authDir().toString(), "800")) {
                assertThat(contender.awaitLine("", 10)).startsWith("TIMEOUT");
            }
        }
        try (ChildProcess after = ChildProcess.start("try", authDir().toString(), "2000")) {
            assertThat(after.awaitLine("", 10)).startsWith("ACQUIRED");
        }
    }

    @Test
    @Timeout(20)
    void releaseIfStuckReleasesAnOldRecordOfADeadHolderButNotALiveOne() throws Exception {
        Path path = authDir().resolve("refresh.lock");
        try (ChildProcess holder = ChildProcess.start("hold", authDir().toString(), "15000", "120")) {
            holder.awaitLine("LOCKED", 10);

            assertThat(lock().releaseIfStuck(Duration.ofSeconds(60))).as("held live").isFalse();
            assertThat(Files.size(path)).isPositive();

            holder.kill(); // the OS drops the lock; the 120 s-old record stays behind
        }
        assertThat(lock().currentHolder()).isPresent();

        assertThat(lock().releaseIfStuck(Duration.ofSeconds(60))).isTrue();

        assertThat(path).exists();
        assertThat(Files.size(path)).isZero();
        assertThat(lock().currentHolder()).isEmpty();
        assertThat(lock().releaseIfStuck(Duration.ofSeconds(60))).as("nothing left to release").isFalse();
    }

    @Test
    @Timeout(20)
    void releaseIfStuckLeavesAFreshRecord() throws Exception {
        Path path = authDir().resolve("refresh.lock");
        leaveTheRecordOfADeadHolder(5);
        byte[] before = Files.readAllBytes(path);

        assertThat(lock().releaseIfStuck(Duration.ofSeconds(60))).isFalse();

        assertThat(Files.readAllBytes(path)).isEqualTo(before).isNotEmpty();
    }

    @Test
    @Timeout(20)
    void theRecordHasExactlyTheReferenceKeysAndReleaseEmptiesButKeepsTheFile() throws Exception {
        Path path = authDir().resolve("refresh.lock");
        try (Lease lease = lock().acquire(Duration.ofSeconds(2)).orElseThrow()) {
            String text = Files.readString(path);
            JsonNode record = JsonMapper.builder().build().readTree(text);
            assertThat(record.propertyNames()).containsExactly("host", "pid", "schema_version", "started_at",
                    "version");
            assertThat(record.get("schema_version").intValue()).isEqualTo(1);
            assertThat(record.get("pid").longValue()).isEqualTo(ProcessHandle.current().pid());
            assertThat(record.get("host").stringValue()).isEqualTo("parent-host");
            assertThat(record.get("version").stringValue()).isEqualTo("parent-test");
            assertThat(record.get("started_at").stringValue()).endsWith("+00:00");
            assertThat(text.toLowerCase()).doesNotContain("token").doesNotContain("sentinel");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(authDir())))
                    .isEqualTo("rwx------");
        }
        assertThat(path).exists();
        assertThat(Files.size(path)).isZero();
    }

    private static long waited(String outcome) {
        return Long.parseLong(outcome.substring(outcome.indexOf("waited=") + "waited=".length()).trim());
    }

    /** A holder process locks, writes a record {@code ageSeconds} old and is killed: the kernel drops its flock, the record stays. */
    private void leaveTheRecordOfADeadHolder(int ageSeconds) throws Exception {
        try (ChildProcess dead = ChildProcess.start("hold", authDir().toString(), "15000", Integer.toString(ageSeconds))) {
            dead.awaitLine("LOCKED", 10);
            dead.kill();
        }
    }
}

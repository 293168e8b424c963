package dev.speckitty.adapters.storage.session.lock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.domain.port.RefreshLock.Lease;
import dev.speckitty.domain.port.RefreshLock.LockHolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Behaviour inside one JVM: thread exclusion and the holder record parsing. */
class FileRefreshLockTest {

    private static final Instant NOW = Instant.parse("2026-04-09T13:37:00Z");

    @TempDir
    Path authDir;

    private FileRefreshLock lockAt(Instant now) {
        return new FileRefreshLock(authDir, Clock.fixed(now, ZoneOffset.UTC), "host-a", "1.2.3");
    }

    @Test
    @Timeout(10)
    void twoThreadsExcludeEachOther() throws Exception {
        FileRefreshLock lock = lockAt(NOW);
        try (Lease held = lock.acquire(Duration.ofSeconds(1)).orElseThrow()) {
            Optional<Lease> other = CompletableFuture
                    .supplyAsync(() -> lockAt(NOW).acquire(Duration.ofMillis(300)))
                    .get(5, TimeUnit.SECONDS);
            assertThat(other).isEmpty();
        }
        Optional<Lease> afterRelease = CompletableFuture
                .supplyAsync(() -> lockAt(NOW).acquire(Duration.ofMillis(300)))
                .get(5, TimeUnit.SECONDS);
        assertThat(afterRelease).isPresent();
        afterRelease.get().close();
    }

    @Test
    @Timeout(10)
    void theSameThreadContendsWithItselfInsteadOfNesting() {
        FileRefreshLock lock = lockAt(NOW);
        try (Lease held = lock.acquire(Duration.ofSeconds(1)).orElseThrow()) {
            assertThat(lock.acquire(Duration.ofMillis(200))).isEmpty();
        }
        assertThat(lock.totalWaitedMillis()).isGreaterThanOrEqualTo(190);
    }

    @Test
    void aRecordFromADeadHolderIsSimplyOverwritten() throws Exception {
        Files.writeString(authDir.resolve("refresh.lock"),
                "{\"host\":\"gone\",\"pid\":1,\"schema_version\":1,\"started_at\":\"2026-04-09T13:36:50+00:00\","
                        + "\"version\":\"old\"}");

        try (Lease lease = lockAt(NOW).acquire(Duration.ofSeconds(1)).orElseThrow()) {
            LockHolder holder = lockAt(NOW).currentHolder().orElseThrow();
            assertThat(holder.host()).isEqualTo("host-a");
            assertThat(holder.startedAt()).isEqualTo(NOW);
            assertThat(holder.version()).isEqualTo("1.2.3");
        }
    }

    @Test
    void currentHolderIsEmptyForMissingEmptyOrMalformedRecords() throws Exception {
        FileRefreshLock lock = lockAt(NOW);
        assertThat(lock.currentHolder()).isEmpty();
        Path path = authDir.resolve("refresh.lock");
        Files.writeString(path, "");
        assertThat(lock.currentHolder()).isEmpty();
        Files.writeString(path, "{not json");
        assertThat(lock.currentHolder()).isEmpty();
        Files.writeString(path, "[1,2]");
        assertThat(lock.currentHolder()).isEmpty();
        Files.writeString(path, "{\"host\":\"h\",\"pid\":\"x\",\"started_at\":\"2026-04-09T13:00:00+00:00\"}");
        assertThat(lock.currentHolder()).isEmpty();
        Files.writeString(path, "{\"host\":\"h\",\"pid\":5,\"started_at\":\"not a time\"}");
        assertThat(lock.currentHolder()).isEmpty();
    }

    @Test
    void aNaiveTimestampIsUtc() throws Exception {
        Files.writeString(authDir.resolve("refresh.lock"),
                "{\"host\": \"h\", \"pid\": 42, \"schema_version\": 1, \"started_at\": \"2026-04-09T13:35:00.25\","
                        + " \"version\": \"3.2.6\"}");

        LockHolder holder = lockAt(NOW).currentHolder().orElseThrow();

        assertThat(holder).isEqualTo(new LockHolder("h", 42, Instant.parse("2026-04-09T13:35:00.25Z"), "3.2.6"));
        assertThat(holder.age(NOW)).isEqualTo(Duration.ofMillis(119_750));
    }

    @Test
    void releaseIfStuckComparesAgainstTheThreshold() throws Exception {
        Path path = authDir.resolve("refresh.lock");
        Files.writeString(path, "{\"host\":\"h\",\"pid\":42,\"schema_version\":1,"
                + "\"started_at\":\"2026-04-09T13:36:00+00:00\",\"version\":\"v\"}");

        assertThat(lockAt(NOW).releaseIfStuck(Duration.ofSeconds(60))).as("exactly 60 s is not older").isFalse();
        assertThat(Files.size(path)).isPositive();
        assertThat(lockAt(NOW.plusSeconds(1)).releaseIfStuck(Duration.ofSeconds(60))).isTrue();
        assertThat(Files.size(path)).isZero();
    }
}

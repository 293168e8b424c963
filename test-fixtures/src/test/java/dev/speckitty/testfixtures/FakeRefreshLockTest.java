package dev.speckitty.testfixtures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.domain.port.RefreshLock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FakeRefreshLockTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private final FakeRefreshLock lock = new FakeRefreshLock(new MutableClock(NOW));

    @Test
    void aLeaseExcludesOtherThreadsUntilClosed() throws Exception {
        RefreshLock.Lease lease = lock.acquire(Duration.ZERO).orElseThrow();
        Optional<RefreshLock.Lease> meanwhile = CompletableFuture.supplyAsync(() -> lock.acquire(Duration.ofMillis(10))).get();
        lease.close();
        lease.close(); // a second close is harmless
        Optional<RefreshLock.Lease> after = CompletableFuture.supplyAsync(() -> lock.acquire(Duration.ZERO)).get();

        assertThat(meanwhile).isEmpty();
        assertThat(after).isPresent();
        assertThat(lock.acquisitions()).isEqualTo(2);
        assertThat(lock.refusals()).isEqualTo(1);
    }

    @Test
    void heldElsewhereRefusesUntilReleasedAndEveryAttemptIsHeard() {
        AtomicInteger asked = new AtomicInteger();
        lock.onAcquire(asked::incrementAndGet).holdElsewhere();
        assertThat(lock.acquire(Duration.ZERO)).isEmpty();
        lock.releaseElsewhere();
        assertThat(lock.acquire(Duration.ZERO)).isPresent();
        assertThat(asked).hasValue(2);
    }

    @Test
    void onlyAHolderOlderThanAskedIsReleased() {
        lock.recordHolder(new RefreshLock.LockHolder("h", 1, NOW.minusSeconds(30), "0.1.0"));
        assertThat(lock.releaseIfStuck(Duration.ofSeconds(60))).isFalse();
        assertThat(lock.currentHolder()).isPresent();

        assertThat(lock.releaseIfStuck(Duration.ofSeconds(10))).isTrue();
        assertThat(lock.currentHolder()).isEmpty();
    }
}

package dev.speckitty.application.session;

import dev.speckitty.domain.auth.RefreshResult;
import dev.speckitty.domain.port.AuthorizationServer;
import dev.speckitty.domain.port.RefreshLock;
import dev.speckitty.domain.port.SessionStore;
import dev.speckitty.domain.session.StoredSession;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Read → decide → refresh → reconcile, all under the machine-wide refresh lock, so that a burst
 * of processes spends a rotating refresh token exactly once (docs/spec/behaviour.md §3.3).
 *
 * <p>Always refreshes with the <em>persisted</em> material, never the caller's copy: another
 * process may have rotated it. Replay and lock contention never delete the session. A waiter
 * that sees the holder's result land adopts it without taking the lock.
 */
public final class RefreshTransaction {

    private final SessionStore store;
    private final RefreshLock lock;
    private final AuthorizationServer server;
    private final Clock clock;

    public RefreshTransaction(SessionStore store, RefreshLock lock, AuthorizationServer server, Clock clock) {
        this.store = store;
        this.lock = lock;
        this.server = server;
        this.clock = clock;
    }

    public RefreshResultReport run(StoredSession inMemory) {
        // Outside the lock: under load a process starved of CPU took seconds for the discovery GET and
        // its HTTP client's first use, while every other process waited (docs/performance.md).
        server.resolveEndpoints();
        NewerSessionWatch watch = new NewerSessionWatch(inMemory);
        if (watch.found()) {
            return adoptedWithoutTheLock(watch); // refreshed by another process since this one read
        }
        Optional<RefreshLock.Lease> lease = lock.acquire(AuthTimings.LOCK_ACQUIRE_TIMEOUT, watch::found);
        if (lease.isEmpty()) {
            return watch.newer.isPresent() ? adoptedWithoutTheLock(watch) : afterLockTimeout();
        }
        try (RefreshLock.Lease held = lease.get()) {
            return underLock(inMemory);
        }
    }

    /**
     * Asked before the lock and between its attempts: has another process's refresh landed?
     * Adopting it decides exactly what the re-read under the lock would (a newer, usable session:
     * {@code ADOPTED_NEWER}) and writes nothing, so it needs no lock. Without it every waiter of a
     * burst took the lock in turn only to find the result there, and under load the last of them
     * ran out of time (docs/performance.md). One stat per question; a read only when the file changed.
     */
    private final class NewerSessionWatch {
        private final StoredSession inMemory;
        private Optional<StoredSession> newer = Optional.empty();

        NewerSessionWatch(StoredSession inMemory) {
            this.inMemory = inMemory;
        }

        boolean found() {
            newer = store.readIfChanged()
                    .filter(persisted -> !persisted.identity().equals(inMemory.identity()))
                    .filter(RefreshTransaction.this::stillUsable);
            return newer.isPresent();
        }
    }

    private static RefreshResultReport adoptedWithoutTheLock(NewerSessionWatch watch) {
        return RefreshResultReport.adopted(RefreshOutcome.ADOPTED_NEWER, watch.newer.orElseThrow(), false);
    }

    /** Another process held the lock for the whole wait: its result may already be on disk. */
    private RefreshResultReport afterLockTimeout() {
        Optional<StoredSession> persisted = store.read();
        if (persisted.isPresent() && stillUsable(persisted.get())) {
            return RefreshResultReport.adopted(RefreshOutcome.LOCK_TIMEOUT_ADOPTED, persisted.get(), false);
        }
        return RefreshResultReport.lockTimeout(AuthProblem.LOCK_CONTENTION, false);
    }

    private RefreshResultReport underLock(StoredSession inMemory) {
        Optional<StoredSession> read = store.read();
        if (read.isEmpty()) {
            return RefreshResultReport.lockTimeout(AuthProblem.LOCK_CONTENTION, false); // cleared concurrently
        }
        StoredSession persisted = read.get();
        if (!persisted.identity().equals(inMemory.identity()) && stillUsable(persisted)) {
            return RefreshResultReport.adopted(RefreshOutcome.ADOPTED_NEWER, persisted, false);
        }
        return switch (server.refresh(persisted.refreshToken())) {
            case RefreshResult.Refreshed refreshed -> saveRefreshed(persisted, refreshed);
            case RefreshResult.Rejected rejected -> reconcileRejection(persisted, rejected.cause());
            case RefreshResult.Replay replay -> retryAfterReplay(persisted);
            case RefreshResult.Failed failed -> RefreshResultReport.failed(failed.message());
            // A timed-out POST may have spent the token: lock-timeout semantics, never a retry (§3.3 step 3).
            case RefreshResult.TransportFailed failed when failed.timedOut() ->
                    RefreshResultReport.lockTimeout(AuthProblem.REFRESH_TIMED_OUT, true);
            case RefreshResult.TransportFailed failed -> RefreshResultReport.failed(failed.message());
        };
    }

    /**
     * Writes the result only while the stored session is still the one refreshed: a logout or a
     * forced login that gave up waiting for this lock may have removed or replaced it meanwhile, and
     * nothing may be written back after "Logged out.".
     */
    private RefreshResultReport saveRefreshed(StoredSession persisted, RefreshResult.Refreshed refreshed) {
        StoredSession updated = SessionRenewal.apply(persisted, refreshed.grant(), now());
        if (RotatedSessionWrite.persist(store, persisted, updated)) { // a spent token: retried, then explained
            return RefreshResultReport.adopted(RefreshOutcome.REFRESHED, updated, true);
        }
        server.revoke(updated.refreshToken()); // best effort: the server keeps no session nobody holds
        Optional<StoredSession> current = store.read();
        if (current.isPresent() && stillUsable(current.get())) {
            return RefreshResultReport.adopted(RefreshOutcome.ADOPTED_NEWER, current.get(), true); // a new login
        }
        return RefreshResultReport.discardedAfterLogout();
    }

    /**
     * The server rejected the token we sent. Delete only if that token is still the current one: a
     * rejection of stale material must never destroy a newer good session (the incident fix).
     */
    private RefreshResultReport reconcileRejection(StoredSession sent, RefreshResult.RejectionCause cause) {
        Optional<StoredSession> reread = store.read();
        if (reread.isEmpty()) {
            return RefreshResultReport.cleared(cause);
        }
        StoredSession current = reread.get();
        if (current.identity().equals(sent.identity()) || current.isRefreshTokenExpired(now())) {
            store.delete();
            return RefreshResultReport.cleared(cause);
        }
        if (!stillUsable(current)) {
            return RefreshResultReport.lockTimeout(AuthProblem.LOCK_CONTENTION, true);
        }
        return RefreshResultReport.adopted(RefreshOutcome.STALE_REJECTION_PRESERVED, current, true);
    }

    /**
     * A 409 benign replay: someone just spent this token. Retry once, and only with a different
     * stored token; the spent one is never resent.
     */
    private RefreshResultReport retryAfterReplay(StoredSession spent) {
        Optional<StoredSession> reread = store.read();
        if (reread.isEmpty() || reread.get().refreshToken().equals(spent.refreshToken())) {
            return RefreshResultReport.lockTimeout(AuthProblem.REPLAY, true);
        }
        StoredSession newer = reread.get();
        if (server.refresh(newer.refreshToken()) instanceof RefreshResult.Refreshed refreshed) {
            return saveRefreshed(newer, refreshed);
        }
        return RefreshResultReport.lockTimeout(AuthProblem.REPLAY, true);
    }

    private boolean stillUsable(StoredSession session) {
        return !session.isAccessTokenExpired(now(), AuthTimings.ADOPT_BUFFER);
    }

    private Instant now() {
        return clock.instant();
    }
}

package dev.speckitty.application.login;

import dev.speckitty.application.session.AuthTimings;
import dev.speckitty.domain.port.RefreshLock;
import dev.speckitty.domain.session.SessionStorageException;
import java.util.Optional;

/**
 * The refresh lock as logout and login take it: a bounded wait, and on timeout (or a lock file that
 * cannot be used) they go ahead anyway, because a user who logs out must be logged out. The passage
 * then carries a note saying so; a refresh that finishes later finds its session gone or replaced and
 * drops its result.
 */
public final class RefreshGate {

    static final String WAITED_OUT = "Another process kept the refresh lock for "
            + AuthTimings.LOCK_ACQUIRE_TIMEOUT.toSeconds() + " s; went ahead without it. A refresh still in"
            + " flight will discard its result.";

    private final RefreshLock lock;

    public RefreshGate(RefreshLock lock) {
        this.lock = lock;
    }

    /** Waits up to the acquire timeout; always returns a passage. */
    Passage enter() {
        try {
            Optional<RefreshLock.Lease> lease = lock.acquire(AuthTimings.LOCK_ACQUIRE_TIMEOUT);
            return new Passage(lease.orElse(null), lease.isPresent() ? null : WAITED_OUT);
        } catch (SessionStorageException unusableLockFile) {
            return new Passage(null, unusableLockFile.getMessage() + " Went ahead without the refresh lock.");
        }
    }

    /** Holding the lock, or the note why not. Closing releases it. */
    record Passage(RefreshLock.Lease lease, String note) implements AutoCloseable {
        @Override
        public void close() {
            if (lease != null) {
                lease.close();
            }
        }
    }
}

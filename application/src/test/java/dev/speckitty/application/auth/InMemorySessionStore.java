package dev.speckitty.application.auth;

import dev.speckitty.domain.port.SessionStore;
import dev.speckitty.domain.session.SessionIdentity;
import dev.speckitty.domain.session.SessionStorageException;
import dev.speckitty.domain.session.StoredSession;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** A session store in memory, shared by several managers to play several processes. */
public final class InMemorySessionStore implements SessionStore {

    private volatile StoredSession stored;
    final AtomicInteger reads = new AtomicInteger();
    final AtomicInteger writes = new AtomicInteger();
    final AtomicInteger deletes = new AtomicInteger();
    /** The next this many writes fail as a full disk does. */
    final AtomicInteger failingWrites = new AtomicInteger();

    public InMemorySessionStore(StoredSession initial) {
        this.stored = initial;
    }

    @Override
    public Optional<StoredSession> read() {
        reads.incrementAndGet();
        return Optional.ofNullable(stored);
    }

    @Override
    public synchronized void write(StoredSession session) {
        writes.incrementAndGet();
        if (failingWrites.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            throw new SessionStorageException(SessionStorageException.Problem.WRITE_FAILED,
                    "Failed to write /home/u/.spec-kitty/auth/session.json (No space left on device).");
        }
        stored = session;
    }

    @Override
    public synchronized boolean replaceIf(SessionIdentity expected, StoredSession session) {
        if (stored == null || !stored.identity().equals(expected)) {
            return false;
        }
        write(session);
        return true;
    }

    @Override
    public synchronized void delete() {
        deletes.incrementAndGet();
        stored = null;
    }

    @Override
    public StorageDescription describe() {
        return new StorageDescription("in-memory", "memory");
    }

    @Override
    public String keyDerivation() {
        return "none (in memory)";
    }

    StoredSession stored() {
        return stored;
    }
}

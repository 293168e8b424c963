package dev.speckitty.application.auth;

import dev.speckitty.domain.port.SessionStore;
import dev.speckitty.domain.session.StoredSession;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** A session store in memory, shared by several managers to play several processes. */
final class InMemorySessionStore implements SessionStore {

    private volatile StoredSession stored;
    final AtomicInteger reads = new AtomicInteger();
    final AtomicInteger writes = new AtomicInteger();
    final AtomicInteger deletes = new AtomicInteger();

    InMemorySessionStore(StoredSession initial) {
        this.stored = initial;
    }

    @Override
    public Optional<StoredSession> read() {
        reads.incrementAndGet();
        return Optional.ofNullable(stored);
    }

    @Override
    public void write(StoredSession session) {
        writes.incrementAndGet();
        stored = session;
    }

    @Override
    public void delete() {
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

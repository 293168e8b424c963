package dev.speckitty.testfixtures;

import dev.speckitty.domain.port.SessionStore;
import dev.speckitty.domain.session.SessionIdentity;
import dev.speckitty.domain.session.SessionStorageException;
import dev.speckitty.domain.session.StoredSession;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The session store in memory; several use cases sharing one instance play several processes. Like
 * the encrypted file store, {@link #replaceIf} writes only while the stored session still has the
 * expected identity, checked and written under the one lock writers share. It counts reads, writes
 * and deletes, and can fail writes as a full disk does, every read as an unusable file does, or every
 * change for code that must only read.
 */
public final class InMemorySessionStore implements SessionStore {

    private volatile StoredSession stored;
    private volatile SessionStorageException readFailure;
    private volatile boolean changesRejected;
    private volatile StorageDescription description = new StorageDescription("in-memory", "memory");
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicInteger writes = new AtomicInteger();
    private final AtomicInteger deletes = new AtomicInteger();
    private final AtomicInteger replaceIfCalls = new AtomicInteger();
    private final AtomicInteger failingWrites = new AtomicInteger();

    /** An empty store: logged out. */
    public InMemorySessionStore() {
        this(null);
    }

    /** A store holding {@code initial}; null means none. */
    public InMemorySessionStore(StoredSession initial) {
        this.stored = initial;
    }

    /** From now on every read fails with {@code failure}, as a tampered or unsafe session file does. */
    public InMemorySessionStore failReadsWith(SessionStorageException failure) {
        this.readFailure = Objects.requireNonNull(failure, "failure");
        return this;
    }

    /**
     * From now on every write, replaceIf and delete throws {@link IllegalStateException}, for code that
     * must only read (a diagnosis, a presence check); the attempt is still counted.
     */
    public InMemorySessionStore rejectChanges() {
        changesRejected = true;
        return this;
    }

    /** The next {@code count} writes fail as a full disk does, and write nothing. */
    public InMemorySessionStore failNextWrites(int count) {
        failingWrites.set(count);
        return this;
    }

    /** What {@link #describe()} answers, e.g. a file location a diagnosis prints. */
    public InMemorySessionStore describedAs(StorageDescription description) {
        this.description = Objects.requireNonNull(description, "description");
        return this;
    }

    @Override
    public Optional<StoredSession> read() {
        reads.incrementAndGet();
        SessionStorageException failure = readFailure;
        if (failure != null) {
            throw failure;
        }
        return Optional.ofNullable(stored);
    }

    /** No cheap change check in memory: every call is a counted read. */
    @Override
    public Optional<StoredSession> readIfChanged() {
        return read();
    }

    /** Counts the attempt even when it fails: a retry loop is visible in {@link #writes()}. */
    @Override
    public synchronized void write(StoredSession session) {
        writes.incrementAndGet();
        rejectIfReadOnly("write");
        if (failingWrites.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            throw new SessionStorageException(SessionStorageException.Problem.WRITE_FAILED,
                    "Failed to write /home/u/.spec-kitty/auth/session.json (No space left on device).");
        }
        stored = Objects.requireNonNull(session, "session");
    }

    @Override
    public synchronized boolean replaceIf(SessionIdentity expected, StoredSession session) {
        Objects.requireNonNull(expected, "expected");
        replaceIfCalls.incrementAndGet();
        rejectIfReadOnly("replaceIf");
        if (stored == null || !stored.identity().equals(expected)) {
            return false; // deleted (logout) or replaced (login) while the caller prepared its session
        }
        write(session);
        return true;
    }

    @Override
    public synchronized void delete() {
        deletes.incrementAndGet();
        rejectIfReadOnly("delete");
        stored = null;
    }

    private void rejectIfReadOnly(String change) {
        if (changesRejected) {
            throw new IllegalStateException(change + " on a store the code under test must only read");
        }
    }

    @Override
    public StorageDescription describe() {
        return description;
    }

    @Override
    public String keyDerivation() {
        return "none (in memory)";
    }

    /** The stored session without counting a read; null when there is none. */
    public StoredSession stored() {
        return stored;
    }

    public int reads() {
        return reads.get();
    }

    /** Write attempts, including those made through {@link #replaceIf} and those that failed. */
    public int writes() {
        return writes.get();
    }

    public int deletes() {
        return deletes.get();
    }

    /** Calls of {@link #replaceIf}, whether or not they wrote. */
    public int replaceIfCalls() {
        return replaceIfCalls.get();
    }
}

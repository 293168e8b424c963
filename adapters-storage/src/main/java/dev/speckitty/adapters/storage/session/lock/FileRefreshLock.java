package dev.speckitty.adapters.storage.session.lock;

import dev.speckitty.adapters.storage.files.IoProblems;
import dev.speckitty.adapters.storage.files.OwnerOnlyFiles;
import dev.speckitty.adapters.storage.session.AuthFiles;
import dev.speckitty.adapters.storage.session.crypto.MachinePassphrase;
import dev.speckitty.domain.port.RefreshLock;
import dev.speckitty.domain.session.SessionStorageException;
import dev.speckitty.domain.session.SessionStorageException.Problem;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * The machine-wide refresh lock on {@code <authDir>/refresh.lock}, exactly as the reference CLI takes
 * it (docs/spec/behaviour.md §3.2): {@code flock(LOCK_EX|LOCK_NB)} tried every 100 ms until the timeout, then
 * the holder record written into the locked file and fsynced. The file is never unlinked or replaced
 * (a new inode would give two holders), and a live holder is never taken over however old its
 * record: the record's age is diagnostic only. A dead holder's flock is released by the kernel, so
 * the next acquirer locks the same inode and overwrites the record. Between attempts the caller may
 * stop waiting: a waiter that finds the holder's result already on disk needs the lock no more.
 */
public final class FileRefreshLock implements RefreshLock {

    private static final long RETRY_MILLIS = 100;
    private static final int RECORD_READ_LIMIT = 64 * 1024;

    private final Path directory;
    private final Path lockFile;
    private final Clock clock;
    private final String host;
    private final String version;
    private final long pid = ProcessHandle.current().pid();
    private final AtomicLong totalWaitedMillis = new AtomicLong();
    private final AtomicLong totalHeldMillis = new AtomicLong();

    public FileRefreshLock(Path authDirectory, Clock clock, String host, String version) {
        this.directory = authDirectory;
        this.lockFile = new AuthFiles(authDirectory).refreshLock();
        this.clock = clock;
        this.host = host;
        this.version = version;
    }

    /** The lock in {@code authDirectory} for this host, with the system clock. */
    public static FileRefreshLock inAuthDirectory(Path authDirectory, String cliVersion) {
        return new FileRefreshLock(authDirectory, Clock.systemUTC(), MachinePassphrase.hostname(), cliVersion);
    }

    public Path path() {
        return lockFile;
    }

    /** Milliseconds this instance has spent waiting for the lock, including waits that timed out. */
    public long totalWaitedMillis() {
        return totalWaitedMillis.get();
    }

    /** Milliseconds this instance has held the lock, from acquiring to releasing (for load diagnosis). */
    public long totalHeldMillis() {
        return totalHeldMillis.get();
    }

    /**
     * @throws SessionStorageException when {@code refresh.lock} is not a plain file of ours
     *     (WRONG_OWNER, UNSAFE_PERMISSIONS, NOT_A_REGULAR_FILE) or flock fails with a real error
     *     (UNREADABLE, naming the errno)
     */
    @Override
    public Optional<Lease> acquire(Duration timeout, BooleanSupplier stopWaiting) {
        long started = System.nanoTime();
        try {
            OwnerOnlyFiles.ensureDirectory(directory);
            FlockFile file = FlockFile.lockBefore(lockFile, started + timeout.toNanos(), RETRY_MILLIS, stopWaiting);
            if (file == null) {
                return Optional.empty();
            }
            try {
                file.replaceContent(HolderRecord.encode(new LockHolder(host, pid, clock.instant(), version)));
            } catch (IOException writeFailed) {
                closeAfterFailure(file, writeFailed);
                throw writeFailed;
            }
            long heldSince = System.nanoTime();
            return Optional.of(new HeldLease(file, (heldSince - started) / 1_000_000, heldSince));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (IOException failed) {
            throw failure("acquire", failed);
        } finally {
            totalWaitedMillis.addAndGet((System.nanoTime() - started) / 1_000_000);
        }
    }

    /** The record as it is on disk; reading through another descriptor never disturbs a flock. */
    @Override
    public Optional<LockHolder> currentHolder() {
        try {
            Optional<PosixFileAttributes> attributes = OwnerOnlyFiles.posixAttributes(lockFile);
            if (OwnerOnlyFiles.isPosix() && (attributes.isEmpty() || !attributes.get().isRegularFile())) {
                return Optional.empty(); // absent, or something we never open (a FIFO would block the read)
            }
            return HolderRecord.decode(OwnerOnlyFiles.readNoFollow(lockFile, RECORD_READ_LIMIT));
        } catch (IOException unreadable) {
            return Optional.empty(); // an unreadable record is "no readable record"
        }
    }

    /**
     * {@code force_release} (docs/spec/hosted-contract.md §5.2): clears a record older than {@code olderThan}
     * only when this process can take the flock itself, i.e. no live process holds it; the age is
     * checked again under the lock. The file is truncated, never unlinked.
     */
    @Override
    public boolean releaseIfStuck(Duration olderThan) {
        if (!isOlderThan(currentHolder(), olderThan)) {
            return false;
        }
        FlockFile file;
        try {
            file = FlockFile.open(lockFile);
        } catch (SessionStorageException notOurs) {
            return false; // not a plain file of ours: doctor reports it; we never clear it
        } catch (IOException failed) {
            throw failure("release", failed);
        }
        try {
            if (!file.tryLock()) {
                file.close();
                return false; // a live holder
            }
            boolean stillOld = isOlderThan(HolderRecord.decode(file.read(RECORD_READ_LIMIT)), olderThan);
            if (stillOld) {
                file.clear();
            }
            file.unlockAndClose();
            return stillOld;
        } catch (IOException failed) {
            closeAfterFailure(file, failed);
            throw failure("release", failed);
        }
    }

    private boolean isOlderThan(Optional<LockHolder> holder, Duration threshold) {
        return holder.isPresent() && holder.get().age(clock.instant()).compareTo(threshold) > 0;
    }

    private static void closeAfterFailure(FlockFile file, IOException failure) {
        try {
            file.close(); // closing the descriptor releases the flock
        } catch (IOException alsoFailed) {
            failure.addSuppressed(alsoFailed);
        }
    }

    private SessionStorageException failure(String action, IOException cause) {
        return new SessionStorageException(Problem.UNREADABLE, "Cannot " + action + " the refresh lock "
                + IoProblems.fileOr(cause, lockFile) + " (" + IoProblems.describe(cause) + ")");
    }

    /** A held refresh lock. Closing truncates the record, unlocks and closes; the file stays. */
    public final class HeldLease implements Lease {
        private final FlockFile file;
        private final long waitedMillis;
        private final long heldSinceNanos;
        private final AtomicBoolean closed = new AtomicBoolean();

        private HeldLease(FlockFile file, long waitedMillis, long heldSinceNanos) {
            this.file = file;
            this.waitedMillis = waitedMillis;
            this.heldSinceNanos = heldSinceNanos;
        }

        /** How long this acquire waited before it got the lock. */
        public long waitedMillis() {
            return waitedMillis;
        }

        @Override
        public void close() {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            try {
                file.clear();
                file.unlockAndClose();
            } catch (IOException failed) {
                closeAfterFailure(file, failed); // the kernel drops the flock with the descriptor
                throw failure("release", failed);
            } finally {
                totalHeldMillis.addAndGet((System.nanoTime() - heldSinceNanos) / 1_000_000);
            }
        }
    }
}

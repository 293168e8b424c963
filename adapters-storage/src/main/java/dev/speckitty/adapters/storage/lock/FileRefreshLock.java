package dev.speckitty.adapters.storage.lock;

import dev.speckitty.adapters.storage.crypto.MachinePassphrase;
import dev.speckitty.adapters.storage.files.AuthFiles;
import dev.speckitty.adapters.storage.files.IoProblems;
import dev.speckitty.adapters.storage.files.OwnerOnlyFiles;
import dev.speckitty.domain.port.LocalFileException;
import dev.speckitty.domain.port.RefreshLock;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The machine-wide refresh lock on {@code <authDir>/refresh.lock}: an exclusive OS lock tried every
 * 100 ms until the timeout, with a holder record written into the locked file. The file is never
 * replaced by rename (a new inode would detach the lock from the path) and never deleted on release;
 * only a record older than the stale-after age is taken over, once per acquire, by unlinking the
 * path and locking a fresh inode that the hung holder does not guard.
 */
public final class FileRefreshLock implements RefreshLock {

    public static final Duration DEFAULT_STALE_AFTER = Duration.ofSeconds(60);
    private static final long RETRY_MILLIS = 100;
    private static final int RECORD_READ_LIMIT = 64 * 1024;

    private final Path directory;
    private final Path lockFile;
    private final Clock clock;
    private final Duration staleAfter;
    private final String host;
    private final String version;
    private final long pid = ProcessHandle.current().pid();
    private final PathGuard guard;
    private final AtomicLong totalWaitedMillis = new AtomicLong();

    public FileRefreshLock(Path authDirectory, Clock clock, Duration staleAfter, String host, String version) {
        this.directory = authDirectory;
        this.lockFile = new AuthFiles(authDirectory).refreshLock();
        this.clock = clock;
        this.staleAfter = staleAfter;
        this.host = host;
        this.version = version;
        this.guard = PathGuards.forFile(lockFile);
    }

    /** The lock in {@code authDirectory} for this host, with the system clock and a 60 s stale age. */
    public static FileRefreshLock inAuthDirectory(Path authDirectory, String cliVersion) {
        return new FileRefreshLock(authDirectory, Clock.systemUTC(), DEFAULT_STALE_AFTER,
                MachinePassphrase.hostname(), cliVersion);
    }

    public Path path() {
        return lockFile;
    }

    /** Milliseconds this instance has spent waiting for the lock, including waits that timed out. */
    public long totalWaitedMillis() {
        return totalWaitedMillis.get();
    }

    @Override
    public Optional<Lease> acquire(Duration timeout) {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        try {
            if (!guard.tryAcquire(deadline - System.nanoTime())) {
                return Optional.empty(); // another thread of this JVM kept it
            }
            HeldLease lease = null;
            try {
                lease = lockFileUntil(deadline, started);
                return Optional.ofNullable(lease);
            } finally {
                if (lease == null) {
                    guard.release();
                }
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (IOException failed) {
            throw failure("acquire", failed);
        } finally {
            totalWaitedMillis.addAndGet((System.nanoTime() - started) / 1_000_000);
        }
    }

    /** Holds the guard; returns null when the deadline passes. */
    private HeldLease lockFileUntil(long deadline, long started) throws IOException, InterruptedException {
        boolean tookOver = false;
        while (true) {
            HeldLease lease = tryLockOnce(started);
            if (lease != null) {
                return lease;
            }
            if (!tookOver && isStale(readRecordUnlocked())) {
                tookOver = true;
                Files.deleteIfExists(lockFile); // the hung holder keeps the old inode; we lock a new one
                continue;
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return null;
            }
            Thread.sleep(Math.min(RETRY_MILLIS, Math.max(1, remaining / 1_000_000)));
        }
    }

    private HeldLease tryLockOnce(long started) throws IOException {
        synchronized (guard) {
            OwnerOnlyFiles.ensureDirectory(directory);
            FileChannel channel = OwnerOnlyFiles.openForLocking(lockFile);
            FileLock lock = null;
            boolean recorded = false;
            try {
                lock = tryLock(channel);
                if (lock == null) {
                    return null;
                }
                writeRecord(channel);
                recorded = true;
                guard.heldChannel(channel);
                return new HeldLease(channel, lock, (System.nanoTime() - started) / 1_000_000);
            } finally {
                if (!recorded) {
                    if (lock != null) {
                        lock.release();
                    }
                    channel.close();
                }
            }
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldElsewhereInThisJvm) {
            return null; // only possible if someone bypassed the guard: treat as contention
        }
    }

    private void writeRecord(FileChannel channel) throws IOException {
        byte[] record = HolderRecord.encode(new LockHolder(host, pid, clock.instant(), version));
        channel.truncate(0);
        ByteBuffer buffer = ByteBuffer.wrap(record);
        long position = 0;
        while (buffer.hasRemaining()) {
            position += channel.write(buffer, position);
        }
        channel.force(true);
    }

    private boolean isStale(Optional<LockHolder> holder) {
        return holder.isPresent() && holder.get().age(clock.instant()).compareTo(staleAfter) > 0;
    }

    @Override
    public Optional<LockHolder> currentHolder() {
        try {
            synchronized (guard) {
                FileChannel held = guard.heldChannel();
                return held != null ? HolderRecord.decode(readAll(held)) : readRecordUnlocked();
            }
        } catch (IOException failed) {
            return Optional.empty(); // an unreadable record is "no readable record"
        }
    }

    /** Reads through a fresh descriptor; only safe while no thread of this JVM holds the OS lock. */
    private Optional<LockHolder> readRecordUnlocked() throws IOException {
        synchronized (guard) {
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
                return HolderRecord.decode(readAll(channel));
            } catch (NoSuchFileException absent) {
                return Optional.empty();
            }
        }
    }

    @Override
    public boolean releaseIfStuck(Duration olderThan) {
        if (!isOlderThan(currentHolder(), olderThan) || !guard.tryAcquireNow()) {
            return false; // fresh, missing, or held by a live thread of this JVM
        }
        try {
            synchronized (guard) {
                return truncateIfUnheldAndOld(olderThan);
            }
        } catch (IOException failed) {
            throw failure("release", failed);
        } finally {
            guard.release();
        }
    }

    private boolean truncateIfUnheldAndOld(Duration olderThan) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException absent) {
            return false;
        }
        try (channel) {
            FileLock lock = tryLock(channel);
            if (lock == null) {
                return false; // a live holder in another process
            }
            try {
                if (!isOlderThan(HolderRecord.decode(readAll(channel)), olderThan)) {
                    return false; // re-checked under the lock: someone fresh took it meanwhile
                }
                channel.truncate(0);
                channel.force(true);
                return true;
            } finally {
                lock.release();
            }
        }
    }

    private boolean isOlderThan(Optional<LockHolder> holder, Duration threshold) {
        return holder.isPresent() && holder.get().age(clock.instant()).compareTo(threshold) > 0;
    }

    private static byte[] readAll(FileChannel channel) throws IOException {
        long size = Math.min(channel.size(), RECORD_READ_LIMIT);
        ByteBuffer buffer = ByteBuffer.allocate((int) size);
        long position = 0;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, position);
            if (read < 0) {
                break;
            }
            position += read;
        }
        byte[] bytes = new byte[buffer.position()];
        buffer.flip().get(bytes);
        return bytes;
    }

    private LocalFileException failure(String action, IOException cause) {
        return new LocalFileException("Cannot " + action + " the refresh lock " + lockFile + " ("
                + IoProblems.describe(cause) + "). It must be a regular file you can write: move whatever is there"
                + " aside and retry; spec-kitty creates a new lock file.", cause);
    }

    /** A held refresh lock. Closing truncates the record, unlocks and closes; the file stays. */
    public final class HeldLease implements Lease {
        private final FileChannel channel;
        private final FileLock lock;
        private final long waitedMillis;
        private final AtomicBoolean closed = new AtomicBoolean();

        private HeldLease(FileChannel channel, FileLock lock, long waitedMillis) {
            this.channel = channel;
            this.lock = lock;
            this.waitedMillis = waitedMillis;
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
                synchronized (guard) {
                    guard.heldChannel(null);
                    try (channel) {
                        channel.truncate(0);
                        channel.force(true);
                        lock.release();
                    }
                }
            } catch (IOException failed) {
                // closing the channel released the OS lock; a leftover record only looks stale later
                throw failure("release", failed);
            } finally {
                guard.release();
            }
        }
    }
}

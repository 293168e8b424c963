package dev.speckitty.adapters.storage.lock;

import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One guard per lock file for this JVM. OS file locks exclude other processes only: within one JVM a
 * second lock on the same file throws {@code OverlappingFileLockException}, and closing any channel
 * on the file drops the process's fcntl lock. So every thread takes the guard before it opens,
 * locks or closes the lock file.
 */
final class PathGuards {

    private static final ConcurrentMap<Path, PathGuard> GUARDS = new ConcurrentHashMap<>();

    private PathGuards() {}

    static PathGuard forFile(Path lockFile) {
        return GUARDS.computeIfAbsent(lockFile.toAbsolutePath().normalize(), key -> new PathGuard());
    }
}

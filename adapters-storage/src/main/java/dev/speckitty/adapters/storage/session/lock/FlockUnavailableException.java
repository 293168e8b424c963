package dev.speckitty.adapters.storage.session.lock;

import java.nio.file.FileSystemException;
import java.nio.file.Path;

/**
 * BSD {@code flock(2)} cannot be called on this platform. The lock file is then refused rather than
 * locked with POSIX {@code fcntl}, which would not exclude the reference CLI (decision 15).
 */
final class FlockUnavailableException extends FileSystemException {

    FlockUnavailableException(Path lockFile, String reason) {
        super(lockFile.toString(), null, "BSD flock(2) is not available: " + reason + ". spec-kitty locks its auth"
                + " files with flock, as the reference CLI does, and never falls back to POSIX fcntl locks, which"
                + " would not exclude the other CLI");
    }
}

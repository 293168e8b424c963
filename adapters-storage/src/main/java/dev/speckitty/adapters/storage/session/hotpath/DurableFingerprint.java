package dev.speckitty.adapters.storage.session.hotpath;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Identifies one version of {@code session.json} without reading it: inode, modification time in
 * nanoseconds and size. Any rewrite (an atomic replace makes a new inode) changes it.
 */
public record DurableFingerprint(long inode, long mtimeNs, long size) {

    /** The fingerprint of the file now; empty when it is gone (a concurrent delete is a miss, not a crash). */
    public static Optional<DurableFingerprint> of(Path file) {
        try {
            BasicFileAttributes attributes =
                    Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            Object inode = inodeOf(file);
            return Optional.of(new DurableFingerprint(inode instanceof Number n ? n.longValue() : 0L,
                    attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS), attributes.size()));
        } catch (IOException gone) {
            return Optional.empty();
        }
    }

    // equals and hashCode written out: a record's generated ones are linked on first use by an
    // invokedynamic that spins method-handle classes, ~8 ms of CPU in a one-shot that compares one
    // fingerprint (docs/performance.md).
    @Override
    public boolean equals(Object other) {
        return other instanceof DurableFingerprint that
                && inode == that.inode && mtimeNs == that.mtimeNs && size == that.size;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(inode) * 961 + Long.hashCode(mtimeNs) * 31 + Long.hashCode(size);
    }

    private static Object inodeOf(Path file) throws IOException {
        try {
            return Files.getAttribute(file, "unix:ino", LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException | IllegalArgumentException noUnixView) {
            return 0L; // as the reference: 0 where the platform has no inode
        }
    }
}

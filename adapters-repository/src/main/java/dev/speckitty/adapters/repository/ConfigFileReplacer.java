package dev.speckitty.adapters.repository;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Set;

/**
 * Replaces a config file atomically: a temporary file next to it, flushed to disk and given the
 * old file's permissions (a new file gets rw-r--r--, like any project file), then renamed over it
 * and the directory flushed. A crash leaves the old or the new file. The rename is refused when the
 * file changed since it was read (another bind raced this one), so no edit is silently lost.
 */
final class ConfigFileReplacer {

    private static final Set<PosixFilePermission> NEW_FILE_MODE = PosixFilePermissions.fromString("rw-r--r--");

    private ConfigFileReplacer() {}

    /**
     * {@code expected} is what the file held when read, or null when it did not exist. A symlinked config is
     * edited at its target only while that target stays inside the repository {@code root}: a cloned repository
     * can ship {@code .kittify/config.yaml} (or {@code .kittify/}) as a link to any file of the user's.
     */
    static void replace(Path file, Path root, byte[] expected, byte[] content) {
        Path target = insideRepository(file, root, expected == null);
        Path temporary = null;
        try {
            temporary = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            if (target.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(temporary,
                        expected == null ? NEW_FILE_MODE : Files.getPosixFilePermissions(target));
            }
            if (expected == null ? Files.exists(target) : !Arrays.equals(expected, Files.readAllBytes(target))) {
                throw new BindingFileException(file, file + " changed while it was being edited (another"
                        + " spec-kitty command?). Nothing was written; retry.");
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temporary = null;
            syncDirectory(target.getParent());
        } catch (IOException failed) {
            throw new BindingFileException(file, "Could not write " + file + " (" + failed.getClass().getSimpleName()
                    + "). It was left as it was; check that you can write " + target.getParent() + ".", failed);
        } finally {
            deleteQuietly(temporary);
        }
    }

    private static Path insideRepository(Path file, Path root, boolean newFile) {
        Path target;
        Path realRoot;
        try {
            // a new file is created in the real .kittify directory; an existing one is replaced where it really is
            target = newFile ? file.getParent().toRealPath().resolve(file.getFileName()) : file.toRealPath();
            realRoot = root.toRealPath();
        } catch (IOException failed) {
            throw new BindingFileException(file, "Could not resolve " + file + ": " + failed.getClass().getSimpleName()
                    + ".", failed);
        }
        if (!target.startsWith(realRoot)) {
            // the link's target is not shown: it comes from the repository, which may be hostile
            throw new BindingFileException(file, file + " is a symbolic link (or inside one) that leads outside the"
                    + " repository " + root + "; spec-kitty never writes through it. Nothing was written. Replace the"
                    + " link with a regular file and retry.");
        }
        return target;
    }

    /** The rename is durable once the directory is flushed; Windows cannot open a directory as a channel. */
    private static void syncDirectory(Path directory) throws IOException {
        if (!directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private static void deleteQuietly(Path temporary) {
        if (temporary == null) {
            return;
        }
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException leftBehind) {
            // a stray hidden temporary file is harmless; the original error is what the user needs
        }
    }
}

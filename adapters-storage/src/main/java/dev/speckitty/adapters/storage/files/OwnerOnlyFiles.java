package dev.speckitty.adapters.storage.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * Files only their owner may touch: directories 0700, files 0600, created with those modes (not
 * chmodded afterwards, so there is no window with wider permissions), replaced atomically.
 */
public final class OwnerOnlyFiles {

    public static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
    public static final Set<PosixFilePermission> DIRECTORY_MODE = PosixFilePermissions.fromString("rwx------");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private OwnerOnlyFiles() {}

    /**
     * Creates the directory (and missing parents) with mode 0700, and tightens an existing one of ours to 0700.
     * Permissions are never changed through a symlink or on a directory of another user (as root, a chmod would
     * succeed and strip, say, a shared sticky directory's bits): a link is accepted only when it leads to a
     * directory of ours that is already 0700, anything else is refused with the reason.
     */
    public static void ensureDirectory(Path directory) throws IOException {
        if (!POSIX) {
            Files.createDirectories(directory);
            return;
        }
        Optional<PosixFileAttributes> existing = posixAttributes(directory);
        if (existing.isEmpty()) {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(DIRECTORY_MODE));
            existing = posixAttributes(directory);
        }
        PosixFileAttributes attributes = existing.orElseThrow(() -> new NoSuchFileException(directory.toString()));
        if (attributes.isSymbolicLink()) {
            refuseUnlessPrivateDirectoryOfOurs(directory);
            return;
        }
        if (!attributes.isDirectory()) {
            throw new FileSystemException(directory.toString(), null, "not a directory");
        }
        if (ProcessUser.foreignOwnerOf(directory).isPresent()) {
            throw new FileSystemException(directory.toString(), null,
                    "a directory of another user; its permissions are left alone. Use a directory of your own");
        }
        if (!attributes.permissions().equals(DIRECTORY_MODE)) {
            Files.getFileAttributeView(directory, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .setPermissions(DIRECTORY_MODE);
        }
    }

    private static void refuseUnlessPrivateDirectoryOfOurs(Path link) throws IOException {
        PosixFileAttributes target = Files.readAttributes(link, PosixFileAttributes.class); // followed, only read
        boolean ours = ProcessUser.ownerOf(link, true).orElse(ProcessUser.uid()) == ProcessUser.uid();
        if (!target.isDirectory() || !ours || !target.permissions().equals(DIRECTORY_MODE)) {
            throw new FileSystemException(link.toString(), null, "a symbolic link to something other than a directory"
                    + " of yours with mode 0700; permissions are never changed through a link. Make it a real"
                    + " directory, or point it at a directory of yours with mode 0700");
        }
    }

    /**
     * Writes {@code content} to {@code temporary} (replacing a stale one from a crash), flushes it to
     * disk, renames it over {@code target} and flushes the directory: a crash leaves the old or the
     * new file, never half of one. The caller holds the lock that serialises writers.
     */
    public static void replaceAtomically(Path target, Path temporary, byte[] content) throws IOException {
        Files.deleteIfExists(temporary);
        try {
            writeNew(temporary, content);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException failed) {
            deleteQuietly(temporary);
            throw failed;
        }
        syncDirectory(target.toAbsolutePath().getParent());
    }

    /** Creates a new file with mode 0600 and the given content, flushed to disk; fails if it exists. */
    public static void writeNew(Path file, byte[] content) throws IOException {
        Set<OpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS);
        FileAttribute<?>[] attributes = POSIX
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE_MODE)}
                : new FileAttribute<?>[0];
        try (FileChannel channel = FileChannel.open(file, options, attributes)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    /**
     * Reads a regular file without following a symlink, refusing anything over {@code maxBytes}. The type is
     * checked (lstat) before opening: opening a FIFO blocks until a writer comes, so a FIFO in place of a session
     * file used to hang every command. The check and the open are two steps; swapping the file in between needs
     * write access to its directory, which is 0700 and ours (the same-user case the threat model excludes).
     */
    public static byte[] readNoFollow(Path file, int maxBytes) throws IOException {
        refuseIfNotRegular(file);
        FileChannel opened;
        try {
            opened = FileChannel.open(file, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException failed) {
            throw withPath(file, failed);
        }
        try (FileChannel channel = opened) {
            long size = channel.size();
            if (size > maxBytes) {
                throw new FileTooLargeException(file);
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) size);
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // keep reading until the recorded size or end of file
            }
            byte[] result = new byte[buffer.position()];
            buffer.flip().get(result);
            return result;
        }
    }

    /** Throws {@link NotARegularFileException} for a symlink, directory, FIFO, socket or device; absent passes through. */
    private static void refuseIfNotRegular(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isRegularFile()) {
            throw new NotARegularFileException(file, attributes.isSymbolicLink() ? "a symbolic link, not followed"
                    : attributes.isDirectory() ? "a directory, not a regular file"
                    : "a FIFO, socket or device, not a regular file; not opened");
        }
    }

    /** Attributes of the path itself (a symlink is reported as a symlink); empty when it does not exist. */
    public static Optional<PosixFileAttributes> posixAttributes(Path path) throws IOException {
        if (!POSIX) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
        } catch (NoSuchFileException absent) {
            return Optional.empty();
        }
    }

    /** The permission bits as an int, e.g. 0600. */
    public static int mode(Set<PosixFilePermission> permissions) {
        int mode = 0;
        for (PosixFilePermission permission : permissions) {
            mode |= 1 << (8 - permission.ordinal());
        }
        return mode;
    }

    public static boolean isPosix() {
        return POSIX;
    }

    /** Makes a rename or unlink in {@code directory} durable. */
    public static void syncDirectory(Path directory) throws IOException {
        if (!POSIX) {
            return; // Windows cannot open a directory as a channel; its rename is durable enough
        }
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /**
     * The JDK reports a refused symlink (O_NOFOLLOW) as a bare IOException without the path; this
     * names the file and says why, so the fix-it message points at the right file.
     */
    private static IOException withPath(Path file, IOException failure) {
        if (failure instanceof FileSystemException) {
            return failure;
        }
        String reason = Files.isSymbolicLink(file) ? "a symbolic link, not followed" : failure.getClass().getSimpleName();
        return new FileSystemException(file.toString(), null, reason);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException leftForNextWriter) {
            // the next write replaces a stale temporary file anyway
        }
    }

    /** Something other than a regular file is where a file of ours should be. */
    public static final class NotARegularFileException extends FileSystemException {
        public NotARegularFileException(Path file, String reason) {
            super(file.toString(), null, reason);
        }
    }

    /** The file is larger than any session could be. */
    public static final class FileTooLargeException extends FileSystemException {
        public FileTooLargeException(Path file) {
            super(file.toString(), null, "larger than any session file can be");
        }
    }
}

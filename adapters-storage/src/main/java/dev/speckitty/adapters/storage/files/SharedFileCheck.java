package dev.speckitty.adapters.storage.files;

import dev.speckitty.domain.session.SessionStorageException;
import dev.speckitty.domain.session.SessionStorageException.Problem;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The files other processes share with us: {@code session.lock}, {@code refresh.lock} and
 * {@code queue.db}. Before one is opened it must be a regular file (a symlink is never followed),
 * owned by this user and not writable by group or others: another user's lock file can stall every
 * command, and another user's writable queue can plant events that we send with our token.
 * Group/other read bits are allowed, since the reference CLI's {@code filelock} creates
 * {@code session.lock} 0644.
 */
public final class SharedFileCheck {

    private static final int GROUP_OR_OTHER_WRITE = 0022;

    private SharedFileCheck() {}

    /** Why the file must not be used, or empty when it is absent or a plain file of ours. */
    public static Optional<Refusal> inspect(Path file) throws IOException {
        Optional<PosixFileAttributes> found = OwnerOnlyFiles.posixAttributes(file);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        PosixFileAttributes attributes = found.get();
        if (!attributes.isRegularFile()) {
            String kind = attributes.isSymbolicLink() ? "a symbolic link"
                    : attributes.isDirectory() ? "a directory" : "a special file";
            return Optional.of(new Refusal(Problem.NOT_A_REGULAR_FILE, file + " is " + kind
                    + ", not a regular file; refusing to follow or use it. Remove it; spec-kitty creates it again."));
        }
        OptionalLong owner = ProcessUser.foreignOwnerOf(file);
        if (owner.isPresent()) {
            long uid = ProcessUser.uid();
            return Optional.of(new Refusal(Problem.WRONG_OWNER, file + " is owned by uid " + owner.getAsLong()
                    + ", not by you (uid " + uid + "); refusing to use it, since another user could hold it or"
                    + " write into it. Fix with: chown " + uid + " " + file + " if it is yours; otherwise remove it."));
        }
        int mode = OwnerOnlyFiles.mode(attributes.permissions());
        if ((mode & GROUP_OR_OTHER_WRITE) != 0) {
            return Optional.of(new Refusal(Problem.UNSAFE_PERMISSIONS, file + " is writable by group or others"
                    + " (mode=" + String.format("0%03o", mode) + "); refusing to use it. Fix with: chmod 600 "
                    + file));
        }
        return Optional.empty();
    }

    /** Throws the refusal as a {@link SessionStorageException} (the auth files' failure type). */
    public static void refuseUnsafe(Path file) throws IOException {
        Optional<Refusal> refusal = inspect(file);
        if (refusal.isPresent()) {
            throw new SessionStorageException(refusal.get().problem(), refusal.get().message());
        }
    }

    /** A file that must not be used, with a message naming it and the fix. */
    public record Refusal(Problem problem, String message) {}
}

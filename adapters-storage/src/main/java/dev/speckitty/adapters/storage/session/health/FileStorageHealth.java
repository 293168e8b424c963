package dev.speckitty.adapters.storage.session.health;

import dev.speckitty.adapters.storage.files.ProcessUser;
import dev.speckitty.adapters.storage.files.SharedFileCheck;
import dev.speckitty.domain.port.StorageHealth;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Key-free checks of the auth directory for {@code auth doctor}: permissions, owners, the salt, stray
 * temporary files. Reads metadata only; never opens the session or derives a key.
 */
public final class FileStorageHealth implements StorageHealth {

    private static final Set<PosixFilePermission> GROUP_OR_OTHER = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);
    private static final int SALT_LENGTH = 16;

    private final Path authDirectory;
    private final List<Path> sharedFiles;

    /** Checks the auth directory, its lock files, and the queue at {@code queueFile}. */
    public FileStorageHealth(Path authDirectory, Path queueFile) {
        this.authDirectory = authDirectory;
        this.sharedFiles = List.of(authDirectory.resolve("session.lock"), authDirectory.resolve("refresh.lock"),
                queueFile);
    }

    /** Checks the auth directory and its lock files only. */
    public FileStorageHealth(Path authDirectory) {
        this.authDirectory = authDirectory;
        this.sharedFiles = List.of(authDirectory.resolve("session.lock"), authDirectory.resolve("refresh.lock"));
    }

    @Override
    public List<Check> inspect() {
        List<Check> checks = new ArrayList<>();
        Optional<PosixFileAttributes> dir = directoryAttributes(authDirectory);
        if (dir.isEmpty()) {
            checkSharedFiles(checks); // the queue may exist without an auth directory
            return checks; // nothing stored yet: the missing session is reported elsewhere
        }
        if (exposed(dir.get())) {
            checks.add(new Check("F-101", Severity.WARN, "Auth directory " + authDirectory
                    + " is accessible to group or others (mode=" + mode(dir.get()) + "); expected 0700",
                    "chmod 700 " + authDirectory));
        }
        Path session = authDirectory.resolve("session.json");
        Optional<PosixFileAttributes> sessionFile = attributes(session);
        sessionFile.ifPresent(attrs -> {
            Optional<Check> foreignOwner = foreignOwnerCheck("Session file", session);
            if (!attrs.isRegularFile()) {
                checks.add(new Check("F-102", Severity.CRITICAL, "Session path " + session
                        + " is not a regular file (a symlink or directory is never followed)",
                        "remove it, then run spec-kitty auth login"));
            } else if (foreignOwner.isPresent()) {
                checks.add(foreignOwner.get());
            } else if (exposed(attrs)) {
                checks.add(new Check("F-103", Severity.CRITICAL, "Session file " + session
                        + " has unsafe permissions (mode=" + mode(attrs) + "); expected 0600", "chmod 600 " + session));
            }
        });
        checkSalt(sessionFile.isPresent(), checks);
        checkSharedFiles(checks);
        Path leftover = authDirectory.resolve("session.json.tmp");
        if (attributes(leftover).isPresent()) {
            checks.add(new Check("F-107", Severity.INFO, "Leftover temporary file " + leftover
                    + " from an interrupted write; it is replaced by the next write", null));
        }
        return checks;
    }

    private void checkSalt(boolean sessionPresent, List<Check> checks) {
        Path salt = authDirectory.resolve("session.salt");
        Optional<PosixFileAttributes> attrs = attributes(salt);
        if (attrs.isEmpty()) {
            if (sessionPresent) {
                checks.add(new Check("F-104", Severity.CRITICAL, "Salt file " + salt
                        + " is missing; the session cannot be decrypted", "spec-kitty auth login --force"));
            }
            return;
        }
        Optional<Check> foreignOwner = foreignOwnerCheck("Salt file", salt);
        if (!attrs.get().isRegularFile()) {
            checks.add(new Check("F-105", Severity.CRITICAL, "Salt path " + salt
                    + " is not a regular file (a symlink or directory is never followed)",
                    "remove it, then run spec-kitty auth login --force"));
        } else if (foreignOwner.isPresent()) {
            checks.add(foreignOwner.get());
        } else if (attrs.get().size() != SALT_LENGTH) {
            checks.add(new Check("F-105", Severity.CRITICAL, "Salt file " + salt + " has wrong length ("
                    + attrs.get().size() + " bytes); expected 16", "spec-kitty auth login --force"));
        } else if (exposed(attrs.get())) {
            checks.add(new Check("F-106", Severity.WARN, "Salt file " + salt + " has unsafe permissions (mode="
                    + mode(attrs.get()) + "); expected 0600", "chmod 600 " + salt));
        }
    }

    /**
     * F-109 for a lock file or queue that every command would refuse (another user's, group- or
     * world-writable, not a regular file): critical, with the fix, instead of a later lock timeout
     * blamed on "another spec-kitty process".
     */
    private void checkSharedFiles(List<Check> checks) {
        for (Path file : sharedFiles) {
            try {
                SharedFileCheck.inspect(file).ifPresent(refusal -> checks.add(new Check("F-109", Severity.CRITICAL,
                        refusal.message(), fixFor(refusal, file))));
            } catch (IOException goneMeanwhile) {
                // nothing to judge
            }
        }
    }

    private static String fixFor(SharedFileCheck.Refusal refusal, Path file) {
        return switch (refusal.problem()) {
            case UNSAFE_PERMISSIONS -> "chmod 600 " + file;
            case WRONG_OWNER -> "chown " + ProcessUser.uid() + " " + file + " if it is yours; otherwise remove it";
            default -> "remove it; spec-kitty creates it again";
        };
    }

    /** F-108 when another user owns the file: it is never read (it may be forged). */
    private static Optional<Check> foreignOwnerCheck(String what, Path file) {
        OptionalLong owner;
        try {
            owner = ProcessUser.foreignOwnerOf(file);
        } catch (IOException goneMeanwhile) {
            return Optional.empty();
        }
        if (owner.isEmpty()) {
            return Optional.empty();
        }
        long uid = ProcessUser.uid();
        return Optional.of(new Check("F-108", Severity.CRITICAL, what + " " + file + " is owned by uid "
                + owner.getAsLong() + ", not by you (uid " + uid + "); it is not read",
                "chown " + uid + " " + file + " if it is yours; otherwise remove it and run spec-kitty auth login --force"));
    }

    /** The auth directory's own attributes; a symlinked directory is judged by its target. */
    private static Optional<PosixFileAttributes> directoryAttributes(Path path) {
        try {
            return Optional.of(Files.readAttributes(path, PosixFileAttributes.class));
        } catch (IOException | UnsupportedOperationException absentOrNotPosix) {
            return Optional.empty();
        }
    }

    private static Optional<PosixFileAttributes> attributes(Path path) {
        try {
            return Optional.of(Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException | UnsupportedOperationException absentOrNotPosix) {
            return Optional.empty();
        }
    }

    private static boolean exposed(PosixFileAttributes attrs) {
        return attrs.permissions().stream().anyMatch(GROUP_OR_OTHER::contains);
    }

    private static String mode(PosixFileAttributes attrs) {
        int bits = 0;
        for (PosixFilePermission permission : attrs.permissions()) {
            bits |= 1 << (8 - permission.ordinal());
        }
        return String.format("0%o", bits);
    }
}

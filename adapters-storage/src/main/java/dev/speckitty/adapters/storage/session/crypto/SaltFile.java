package dev.speckitty.adapters.storage.session.crypto;

import dev.speckitty.adapters.storage.files.OwnerOnlyFiles;
import dev.speckitty.adapters.storage.session.StorageFailures;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * {@code session.salt}: 16 raw random bytes, mode 0600, created on first write, removed by delete.
 * It is created whole or not at all (written to {@code session.salt.tmp}, then hard-linked into
 * place): a process killed half way through creating it must not leave a short salt, which would
 * make every later write fail until someone removed the file by hand.
 */
public final class SaltFile {

    private static final int READ_LIMIT = 4096;

    private final Path path;

    public SaltFile(Path path) {
        this.path = path;
    }

    public Path path() {
        return path;
    }

    /** The raw salt bytes (any length), or empty when the file does not exist. */
    public Optional<byte[]> readRaw() throws IOException {
        try {
            return Optional.of(OwnerOnlyFiles.readNoFollow(path, READ_LIMIT));
        } catch (NoSuchFileException absent) {
            return Optional.empty();
        } catch (OwnerOnlyFiles.FileTooLargeException oversized) {
            throw StorageFailures.saltWrongLength(path, Files.size(path));
        }
    }

    /** The salt, checked to be 16 bytes. */
    public static byte[] checked(Path path, byte[] raw) {
        if (raw.length != SessionKeyDerivation.SALT_LENGTH) {
            throw StorageFailures.saltWrongLength(path, raw.length);
        }
        return raw;
    }

    /** The existing salt, or a new one; the caller holds the session lock so two writers agree. */
    public byte[] loadOrCreate(SecureRandom random) throws IOException {
        Optional<byte[]> existing = readRaw();
        if (existing.isPresent()) {
            return checked(path, existing.get());
        }
        byte[] salt = new byte[SessionKeyDerivation.SALT_LENGTH];
        random.nextBytes(salt);
        Path temporary = path.resolveSibling(path.getFileName() + ".tmp");
        Files.deleteIfExists(temporary); // a stale one from a crash
        try {
            OwnerOnlyFiles.writeNew(temporary, salt); // flushed before it gets its real name
            publish(temporary);
        } catch (FileAlreadyExistsException racedWithAnotherWriter) {
            // a writer that does not take our lock (another CLI) created it first: use theirs
            return checked(path, readRaw().orElseThrow(() -> racedWithAnotherWriter));
        } finally {
            Files.deleteIfExists(temporary);
        }
        OwnerOnlyFiles.syncDirectory(path.toAbsolutePath().getParent());
        return salt;
    }

    /** Gives the complete temporary file the salt's name, unless a salt appeared meanwhile. */
    private void publish(Path temporary) throws IOException {
        try {
            Files.createLink(path, temporary); // atomic, and fails if the salt exists: the first creator wins
        } catch (UnsupportedOperationException noHardLinks) {
            Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE); // still whole or absent
        }
    }

    public boolean exists() {
        return Files.exists(path, LinkOption.NOFOLLOW_LINKS);
    }
}

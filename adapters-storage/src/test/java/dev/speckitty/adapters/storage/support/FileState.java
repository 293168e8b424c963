package dev.speckitty.adapters.storage.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Objects;

/** What a path looks like on disk (kind, bytes, mode, owner, mtime), to prove an operation left it untouched. */
public record FileState(String kind, byte[] bytes, String mode, Object owner, FileTime modified) {

    public static FileState of(Path path) {
        try {
            if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                return new FileState("absent", new byte[0], null, null, null);
            }
            PosixFileAttributes attributes =
                    Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            String mode = PosixFilePermissions.toString(attributes.permissions());
            Object owner = Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            if (attributes.isSymbolicLink()) {
                return new FileState("link->" + Files.readSymbolicLink(path), new byte[0], "link", owner,
                        attributes.lastModifiedTime());
            }
            if (attributes.isDirectory()) {
                return new FileState("directory", new byte[0], mode, owner, attributes.lastModifiedTime());
            }
            if (!attributes.isRegularFile()) {
                return new FileState("special", new byte[0], mode, owner, attributes.lastModifiedTime());
            }
            return new FileState("file", Files.readAllBytes(path), mode, owner, attributes.lastModifiedTime());
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FileState that && kind.equals(that.kind) && Arrays.equals(bytes, that.bytes)
                && Objects.equals(mode, that.mode) && Objects.equals(owner, that.owner)
                && Objects.equals(modified, that.modified);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, Arrays.hashCode(bytes), mode, owner, modified);
    }

    @Override
    public String toString() {
        return kind + "(" + bytes.length + " bytes, " + mode + ", uid " + owner + ", mtime " + modified + ")";
    }
}

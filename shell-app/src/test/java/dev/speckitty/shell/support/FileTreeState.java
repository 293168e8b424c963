package dev.speckitty.shell.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every entry under a directory (symlinks not followed): kind, mode, owner, mtime and bytes. Equal
 * states mean a command created, deleted, rewrote, chmodded and touched nothing there.
 */
public record FileTreeState(Map<String, String> entries) {

    /** The trees under {@code roots}, keyed by absolute path. */
    public static FileTreeState of(Path... roots) {
        Map<String, String> entries = new TreeMap<>();
        for (Path root : roots) {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path path : paths.toList()) {
                    entries.put(path.toAbsolutePath().toString(), describe(path));
                }
            } catch (IOException failed) {
                throw new UncheckedIOException(failed);
            }
        }
        return new FileTreeState(entries);
    }

    private static String describe(Path path) throws IOException {
        PosixFileAttributes attributes = Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        String owner = Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS).toString();
        if (attributes.isSymbolicLink()) {
            return "link->" + Files.readSymbolicLink(path) + " uid " + owner;
        }
        String common = PosixFilePermissions.toString(attributes.permissions()) + " uid " + owner + " mtime "
                + attributes.lastModifiedTime();
        if (attributes.isRegularFile()) {
            return "file " + common + " " + HexFormat.of().formatHex(Files.readAllBytes(path));
        }
        return (attributes.isDirectory() ? "directory " : "special ") + common;
    }
}

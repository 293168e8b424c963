package dev.speckitty.adapters.storage.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every entry under a directory (symlinks not followed) with its {@link FileState}: equal
 * snapshots mean nothing was created, deleted, rewritten, chmodded, chowned or touched.
 */
public record TreeSnapshot(Map<String, FileState> entries) {

    public static TreeSnapshot of(Path root) {
        Map<String, FileState> entries = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            paths.forEach(path -> entries.put(root.relativize(path).toString(), FileState.of(path)));
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        return new TreeSnapshot(entries);
    }

    /** This snapshot without the given relative paths (files an operation may legitimately create). */
    public TreeSnapshot without(String... relativePaths) {
        Map<String, FileState> rest = new TreeMap<>(entries);
        for (String path : relativePaths) {
            rest.remove(path);
        }
        return new TreeSnapshot(rest);
    }
}

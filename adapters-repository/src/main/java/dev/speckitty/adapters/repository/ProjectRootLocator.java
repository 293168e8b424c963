package dev.speckitty.adapters.repository;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The project root (docs/spec/behaviour.md §2.1): {@code SPECIFY_REPO_ROOT} when it names an existing
 * directory; otherwise the nearest directory upwards from the working directory that holds
 * {@code .kittify/}, where a linked worktree (its {@code .git} is a file) stands for its main
 * repository when that one has {@code .kittify/}. Only looks; never creates anything.
 */
final class ProjectRootLocator {

    static final String ROOT_VARIABLE = "SPECIFY_REPO_ROOT";
    static final String KITTIFY = ".kittify";

    private ProjectRootLocator() {}

    static Optional<Path> locate(Path workingDirectory, Map<String, String> environment) {
        Optional<Path> override = override(workingDirectory, environment.get(ROOT_VARIABLE));
        if (override.isPresent()) {
            return override;
        }
        Path start;
        try {
            start = workingDirectory.toRealPath();
        } catch (IOException missing) {
            return Optional.empty(); // a working directory that no longer exists is in no project
        }
        for (Path candidate = start; candidate != null; candidate = candidate.getParent()) {
            Path dotGit = candidate.resolve(".git");
            if (Files.isRegularFile(dotGit)) {
                Optional<Path> main = GitWorktrees.mainRepository(dotGit).filter(ProjectRootLocator::hasKittify);
                if (main.isPresent()) {
                    return main;
                }
            }
            if (hasKittify(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> override(Path workingDirectory, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            Path named = workingDirectory.resolve(value);
            if (!Files.isDirectory(named)) {
                return Optional.empty(); // not a directory: ignored, as the reference does
            }
            Path root = named.toRealPath();
            Path dotGit = root.resolve(".git");
            return Optional.of(Files.isRegularFile(dotGit) ? GitWorktrees.mainRepository(dotGit).orElse(root) : root);
        } catch (IOException | InvalidPathException unusable) {
            return Optional.empty();
        }
    }

    /** The nearest directory upwards holding {@code .git} (a directory, or a worktree's file). */
    static Optional<Path> gitRepositoryRoot(Path workingDirectory) {
        try {
            for (Path candidate = workingDirectory.toRealPath(); candidate != null; candidate = candidate.getParent()) {
                if (Files.exists(candidate.resolve(".git"))) {
                    return Optional.of(candidate);
                }
            }
        } catch (IOException missing) {
            // a working directory that no longer exists is in no repository
        }
        return Optional.empty();
    }

    static boolean hasKittify(Path directory) {
        return Files.isDirectory(directory.resolve(KITTIFY));
    }
}

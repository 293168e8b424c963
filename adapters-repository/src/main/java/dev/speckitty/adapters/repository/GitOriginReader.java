package dev.speckitty.adapters.repository;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The URL of {@code remote.origin.url} for a project root, read from the repository's config file
 * directly: no {@code git} process (slow to start, and it may not be installed). A linked
 * worktree's config lives in its common directory ({@code commondir}).
 */
final class GitOriginReader {

    private static final long MAX_CONFIG_BYTES = 1 << 20;

    private GitOriginReader() {}

    static Optional<String> originUrl(Path projectRoot) {
        return gitDirectory(projectRoot).map(GitOriginReader::commonDirectory).flatMap(common -> {
            Path config = common.resolve("config");
            try {
                if (!Files.isRegularFile(config) || Files.size(config) > MAX_CONFIG_BYTES) {
                    return Optional.empty();
                }
                return new GitConfigFile(Files.readString(config, StandardCharsets.UTF_8))
                        .first("remote", "origin", "url");
            } catch (IOException unreadable) {
                return Optional.empty(); // an unreadable git config means no known origin, as for `git remote`
            }
        });
    }

    /** The nearest {@code .git} directory or {@code .git} file target at or above the root, as git finds it. */
    private static Optional<Path> gitDirectory(Path projectRoot) {
        for (Path candidate = projectRoot; candidate != null; candidate = candidate.getParent()) {
            Path dotGit = candidate.resolve(".git");
            if (Files.isDirectory(dotGit)) {
                return Optional.of(dotGit);
            }
            if (Files.isRegularFile(dotGit)) {
                return GitWorktrees.pointedGitDir(dotGit);
            }
        }
        return Optional.empty();
    }

    private static Path commonDirectory(Path gitDir) {
        Path pointer = gitDir.resolve("commondir");
        try {
            if (Files.isRegularFile(pointer)) {
                String target = Files.readString(pointer, StandardCharsets.UTF_8).strip();
                if (!target.isEmpty()) {
                    return gitDir.resolve(target).normalize();
                }
            }
        } catch (IOException | InvalidPathException unreadable) {
            // fall back to the git directory itself
        }
        return gitDir;
    }
}

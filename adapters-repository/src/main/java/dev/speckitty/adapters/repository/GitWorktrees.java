package dev.speckitty.adapters.repository;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A {@code .git} FILE ({@code gitdir: <path>}) as git writes it for linked worktrees, submodules
 * and separate git directories. Only the worktree shape ({@code <main>/.git/worktrees/<name>})
 * leads back to a main repository.
 */
final class GitWorktrees {

    private static final int MAX_POINTER_BYTES = 4096;

    private GitWorktrees() {}

    /** The git directory a {@code .git} file points to (relative paths resolve against its directory). */
    static Optional<Path> pointedGitDir(Path dotGitFile) {
        try {
            if (!Files.isRegularFile(dotGitFile) || Files.size(dotGitFile) > MAX_POINTER_BYTES) {
                return Optional.empty();
            }
            String content = Files.readString(dotGitFile, StandardCharsets.UTF_8).strip();
            if (!content.startsWith("gitdir:")) {
                return Optional.empty();
            }
            String target = content.substring("gitdir:".length()).strip();
            if (target.isEmpty() || target.contains("\n")) {
                return Optional.empty();
            }
            return Optional.of(dotGitFile.getParent().resolve(target).normalize());
        } catch (IOException | InvalidPathException unreadable) {
            return Optional.empty(); // not a usable pointer: treated like no .git file at all
        }
    }

    /** The main repository of a linked worktree whose {@code .git} is this file. */
    static Optional<Path> mainRepository(Path dotGitFile) {
        return pointedGitDir(dotGitFile).filter(GitWorktrees::isWorktreeGitDir)
                .map(gitDir -> gitDir.getParent().getParent().getParent())
                .filter(Files::isDirectory);
    }

    /** {@code …/.git/worktrees/<name>} (or {@code …/<repo>.git/worktrees/<name>} for a bare repository). */
    static boolean isWorktreeGitDir(Path gitDir) {
        Path worktrees = gitDir.getParent();
        Path common = worktrees == null ? null : worktrees.getParent();
        return common != null && common.getParent() != null && worktrees.getFileName().toString().equals("worktrees")
                && common.getFileName().toString().endsWith(".git");
    }
}

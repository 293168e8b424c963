package dev.speckitty.adapters.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectRootLocatorTest {

    @TempDir
    Path temp;

    private Path repo;

    @BeforeEach
    void mainRepository() throws Exception {
        temp = temp.toRealPath();
        repo = Files.createDirectories(temp.resolve("repo"));
        Files.createDirectories(repo.resolve(".kittify"));
        Files.createDirectories(repo.resolve(".git/worktrees/feature"));
    }

    private static java.util.Optional<Path> locate(Path from, Map<String, String> environment) {
        return ProjectRootLocator.locate(from, environment);
    }

    @Test
    void theNearestDirectoryWithKittifyUpwards() throws Exception {
        Path deep = Files.createDirectories(repo.resolve("src/main/java"));
        assertThat(locate(deep, Map.of())).contains(repo);
        assertThat(locate(repo, Map.of())).contains(repo);

        Path nested = Files.createDirectories(repo.resolve("sub/project/.kittify")).getParent();
        assertThat(locate(nested.resolve("."), Map.of())).contains(nested);
    }

    @Test
    void noDirectoryWithKittifyMeansNoRoot() throws Exception {
        Path elsewhere = Files.createDirectories(temp.resolve("elsewhere/deeper"));
        assertThat(locate(elsewhere, Map.of())).isEmpty();
        assertThat(locate(temp.resolve("does-not-exist"), Map.of())).isEmpty();
    }

    @Test
    void specifyRepoRootWinsWhenItNamesAnExistingDirectoryEvenWithoutKittify() throws Exception {
        Path other = Files.createDirectories(temp.resolve("other"));
        Path deep = Files.createDirectories(repo.resolve("src"));

        assertThat(locate(deep, Map.of("SPECIFY_REPO_ROOT", other.toString()))).contains(other);
        assertThat(locate(temp, Map.of("SPECIFY_REPO_ROOT", "other"))).as("relative to the working directory")
                .contains(other);
        assertThat(locate(deep, Map.of("SPECIFY_REPO_ROOT", temp.resolve("missing").toString())))
                .as("a missing directory is ignored").contains(repo);
        Files.writeString(temp.resolve("a-file"), "x");
        assertThat(locate(deep, Map.of("SPECIFY_REPO_ROOT", temp.resolve("a-file").toString()))).contains(repo);
        assertThat(locate(deep, Map.of("SPECIFY_REPO_ROOT", "  "))).contains(repo);
    }

    @Test
    void aLinkedWorktreeLeadsBackToItsMainRepository() throws Exception {
        Path worktree = Files.createDirectories(repo.resolve(".worktrees/feature"));
        Files.createDirectories(worktree.resolve(".kittify")); // git worktrees carry their own copy
        Files.writeString(worktree.resolve(".git"), "gitdir: " + repo.resolve(".git/worktrees/feature") + "\n");
        Path inside = Files.createDirectories(worktree.resolve("src"));

        assertThat(locate(inside, Map.of())).contains(repo);
        assertThat(locate(inside, Map.of("SPECIFY_REPO_ROOT", worktree.toString()))).contains(repo);

        Path external = Files.createDirectories(temp.resolve("external-worktree"));
        Files.writeString(external.resolve(".git"), "gitdir: ../repo/.git/worktrees/feature\n");
        assertThat(locate(external, Map.of())).as("a relative gitdir").contains(repo);
    }

    @Test
    void aGitFileThatIsNotAWorktreeIsNotFollowed() throws Exception {
        Path submodule = Files.createDirectories(repo.resolve("modules/lib"));
        Files.createDirectories(submodule.resolve(".kittify"));
        Files.createDirectories(repo.resolve(".git/modules/lib"));
        Files.writeString(submodule.resolve(".git"), "gitdir: ../../.git/modules/lib\n");

        assertThat(locate(submodule, Map.of())).contains(submodule);

        Path broken = Files.createDirectories(temp.resolve("broken"));
        Files.createDirectories(broken.resolve(".kittify"));
        Files.writeString(broken.resolve(".git"), "not a pointer");
        assertThat(locate(broken, Map.of())).contains(broken);
    }

    @Test
    void aWorktreeWhoseMainRepositoryHasNoKittifyUsesItsOwn() throws Exception {
        Path plain = Files.createDirectories(temp.resolve("plain"));
        Files.createDirectories(plain.resolve(".git/worktrees/wt"));
        Path worktree = Files.createDirectories(temp.resolve("wt"));
        Files.createDirectories(worktree.resolve(".kittify"));
        Files.writeString(worktree.resolve(".git"), "gitdir: " + plain.resolve(".git/worktrees/wt"));

        assertThat(locate(worktree, Map.of())).contains(worktree);
    }
}

package dev.speckitty.adapters.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.speckitty.adapters.storage.support.FileState;
import dev.speckitty.domain.port.BindingStore;
import dev.speckitty.domain.teamspace.TeamspaceBinding;
import dev.speckitty.domain.teamspace.TrackerBinding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlBindingStoreTest {

    private static final String COMMENTED = """
            # spec-kitty project configuration
            project:
              uuid: 0190f6c1-aaaa-7bbb-8ccc-123456789abc   # never change
              slug: kitty-demo
              node_id: n1
            agents:
              available: [claude, codex]
              # the default agent
              default: claude

            # the teamspace this repo reports to
            teamspace:
              slug: old-team
              # set by `spec-kitty teamspace bind`

            # version control, not part of the teamspace block
            vcs:
              type: git
            unknown_future_key:
              nested:
                - a: 1
                  b: [x, y]
            """;

    @TempDir
    Path temp;

    private Path repo;
    private Path config;

    @BeforeEach
    void project() throws IOException {
        repo = Files.createDirectories(temp.toRealPath().resolve("repo"));
        Files.createDirectories(repo.resolve(".kittify"));
        config = repo.resolve(".kittify/config.yaml");
    }

    private YamlBindingStore store() {
        return new YamlBindingStore(repo, Map.of());
    }

    private void write(String text) throws IOException {
        Files.writeString(config, text, StandardCharsets.UTF_8);
    }

    private String configText() throws IOException {
        return Files.readString(config, StandardCharsets.UTF_8);
    }

    private void origin(String url) throws IOException {
        Files.createDirectories(repo.resolve(".git"));
        Files.writeString(repo.resolve(".git/config"), "[core]\n\tbare = false\n[remote \"origin\"]\n\turl = " + url
                + "\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n");
    }

    @Test
    void readsTheProjectTeamspaceTrackerAndGitOrigin() throws IOException {
        write(COMMENTED + """
                tracker:
                  provider: linear
                  binding_ref: lin-123
                  project_slug: KIT
                  display_label: Kitty board
                  doctrine: {mode: strict}
                """);
        origin("git@github.com:acme/spec-kitty.git");
        Path deep = Files.createDirectories(repo.resolve("src/main"));

        TeamspaceBinding binding = new YamlBindingStore(deep, Map.of()).read().orElseThrow();

        assertThat(binding.projectRoot()).isEqualTo(repo.toString());
        assertThat(binding.projectUuid()).isEqualTo("0190f6c1-aaaa-7bbb-8ccc-123456789abc");
        assertThat(binding.projectSlug()).isEqualTo("kitty-demo");
        assertThat(binding.repoSlugOverride()).isNull();
        assertThat(binding.originRepoSlug()).isEqualTo("acme/spec-kitty");
        assertThat(binding.teamspace()).isEqualTo("old-team");
        assertThat(binding.tracker()).isEqualTo(new TrackerBinding("linear", "lin-123", "KIT", null));
        assertThat(binding.configuredTracker()).isPresent();
        assertThat(binding.connectedTeamspace()).contains("old-team");
    }

    @Test
    void withoutAConfigFileTheBindingHasTheRootAndNothingElse() {
        TeamspaceBinding binding = store().read().orElseThrow();

        assertThat(binding).isEqualTo(new TeamspaceBinding(repo.toString(), null, null, null, null, null, null));
        assertThat(config).doesNotExist();
    }

    @Test
    void outsideAProjectThereIsNoBinding() throws IOException {
        Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
        assertThat(new YamlBindingStore(elsewhere, Map.of()).read()).isEmpty();
        assertThat(new YamlBindingStore(elsewhere, Map.of("SPECIFY_REPO_ROOT", repo.toString())).read())
                .map(TeamspaceBinding::projectRoot).contains(repo.toString());
    }

    @Test
    void aPlainStringTeamspaceIsAccepted() throws IOException {
        write("project:\n  slug: p\nteamspace: acme-team  # bound by hand\n");
        assertThat(store().read().orElseThrow().teamspace()).isEqualTo("acme-team");

        write("teamspace: ~\n");
        assertThat(store().read().orElseThrow().teamspace()).isNull();
        write("teamspace: [not, a, handle]\n");
        assertThat(store().read().orElseThrow().teamspace()).isNull();
    }

    @Test
    void aValidRepoSlugOverrideWinsOverTheOriginAndAnInvalidOneIsIgnored() throws IOException {
        origin("https://github.com/acme/from-origin.git");
        Map<String, String> expected = new TreeMap<>(Map.of(
                "team/override", "team/override",
                "group/sub/repo", "group/sub/repo",
                "'acme/'", "acme/from-origin",
                "'/repo'", "acme/from-origin",
                "'a//b'", "acme/from-origin",
                "'a/ /b'", "acme/from-origin",
                "''", "acme/from-origin"));
        for (Map.Entry<String, String> row : expected.entrySet()) {
            write("project:\n  slug: p\n  repo_slug: " + row.getKey() + "\n");
            assertThat(store().read().orElseThrow().repoSlug()).as(row.getKey()).contains(row.getValue());
        }
    }

    @Test
    void theOriginOfALinkedWorktreeIsReadFromTheCommonGitDirectory() throws IOException {
        origin("ssh://git@git.example.com:2222/platform/tools/kitty.git");
        Path gitDir = Files.createDirectories(repo.resolve(".git/worktrees/wt"));
        Files.writeString(gitDir.resolve("commondir"), "../..\n");
        Path worktree = Files.createDirectories(temp.resolve("wt"));
        Files.writeString(worktree.resolve(".git"), "gitdir: " + gitDir + "\n");

        TeamspaceBinding fromWorktree = new YamlBindingStore(worktree, Map.of()).read().orElseThrow();
        assertThat(fromWorktree.projectRoot()).isEqualTo(repo.toString());
        assertThat(fromWorktree.originRepoSlug()).isEqualTo("platform/tools/kitty");

        // SPECIFY_REPO_ROOT on a directory without .kittify whose .git is a file (e.g. a submodule)
        Path module = Files.createDirectories(temp.resolve("module"));
        Path moduleGit = Files.createDirectories(repo.resolve(".git/modules/module"));
        Files.writeString(moduleGit.resolve("config"), "[remote \"origin\"]\n\turl = git@h:team/module.git\n");
        Files.writeString(module.resolve(".git"), "gitdir: " + moduleGit + "\n");
        assertThat(new YamlBindingStore(temp, Map.of("SPECIFY_REPO_ROOT", module.toString())).read().orElseThrow()
                .originRepoSlug()).isEqualTo("team/module");
    }

    @Test
    void aFileOriginIsNoRepoSlug() throws IOException {
        origin("file:///srv/git/acme/repo.git");
        assertThat(store().read().orElseThrow().originRepoSlug()).isNull();
    }

    @Test
    void readingNeverCreatesOrModifiesAnything() throws Exception {
        Path bare = Files.createDirectories(temp.resolve("bare/sub"));
        Files.createDirectories(temp.resolve("bare/.kittify"));
        Map<String, FileState> before = tree(temp);

        new YamlBindingStore(bare, Map.of()).read();
        new YamlBindingStore(bare, Map.of()).projectRoot();
        write(COMMENTED);
        origin("git@github.com:acme/repo.git");
        Map<String, FileState> withConfig = tree(temp);
        for (int i = 0; i < 3; i++) {
            store().read();
        }
        assertThat(tree(temp)).isEqualTo(withConfig);
        assertThat(before).isNotEqualTo(withConfig); // the listing does see changes
    }

    private static Map<String, FileState> tree(Path root) throws IOException {
        Map<String, FileState> states = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            paths.forEach(path -> states.put(root.relativize(path).toString(), FileState.of(path)));
        }
        return states;
    }

    @Test
    void malformedYamlIsAClearErrorAndTheFileIsLeftUntouched() throws IOException {
        write("project:\n  slug: p\nteamspace: [unclosed\n  # comment\n");
        FileState before = FileState.of(config);

        assertThatThrownBy(() -> store().read())
                .isInstanceOf(BindingFileException.class)
                .hasMessageContaining(config.toString())
                .hasMessageContaining("not valid YAML")
                .hasMessageContaining("line ")
                .satisfies(failure -> assertThat(((BindingFileException) failure).file()).isEqualTo(config));
        assertThatThrownBy(() -> store().bindTeamspace("acme")).isInstanceOf(BindingFileException.class);
        assertThatThrownBy(() -> store().unbindTeamspace()).isInstanceOf(BindingFileException.class);
        assertThatThrownBy(() -> store().bindTracker(new TrackerBinding("linear", "r", null, null)))
                .isInstanceOf(BindingFileException.class);

        assertThat(FileState.of(config)).isEqualTo(before);
        try (Stream<Path> files = Files.list(config.getParent())) {
            assertThat(files).containsExactly(config); // no temporary file left behind
        }
    }

    @Test
    void aTopLevelThatIsNotAMappingIsRefused() throws IOException {
        write("- just\n- a list\n");
        assertThatThrownBy(() -> store().read()).isInstanceOf(BindingFileException.class)
                .hasMessageContaining("mapping");
        assertThatThrownBy(() -> store().bindTeamspace("acme")).isInstanceOf(BindingFileException.class);
        assertThat(configText()).isEqualTo("- just\n- a list\n");
    }

    @Test
    void bindUnbindBindKeepsEveryOtherByteAndComment() throws IOException {
        write(COMMENTED);
        String head = COMMENTED.substring(0, COMMENTED.indexOf("teamspace:\n"));
        String lastBlockLine = "  # set by `spec-kitty teamspace bind`\n";
        String tail = COMMENTED.substring(COMMENTED.indexOf(lastBlockLine) + lastBlockLine.length());
        assertThat(tail).startsWith("\n# version control");

        store().bindTeamspace("acme");
        assertThat(configText()).isEqualTo(head + "teamspace:\n  slug: acme\n" + tail);
        assertThat(store().read().orElseThrow().teamspace()).isEqualTo("acme");

        store().unbindTeamspace();
        assertThat(configText()).isEqualTo(head + tail);
        assertThat(store().read().orElseThrow().teamspace()).isNull();

        store().unbindTeamspace(); // absent: a no-op
        assertThat(configText()).isEqualTo(head + tail);

        store().bindTeamspace("  beta-team ");
        assertThat(configText()).isEqualTo(head + tail + "teamspace:\n  slug: beta-team\n");
    }

    @Test
    void bindTrackerReplacesOnlyTheTrackerBlock() throws IOException {
        write(COMMENTED + "tracker:\n  provider: jira\n  project_slug: OLD\n  display_label: Old board\n");

        store().bindTracker(new TrackerBinding("linear", "lin-1", null, null));

        assertThat(configText()).isEqualTo(COMMENTED + "tracker:\n  provider: linear\n  binding_ref: lin-1\n");
        store().bindTracker(new TrackerBinding("beads", null, null, "/work/beads"));
        assertThat(store().read().orElseThrow().tracker())
                .isEqualTo(new TrackerBinding("beads", null, null, "/work/beads"));
        assertThat(configText()).startsWith(COMMENTED);
        assertThatThrownBy(() -> store().bindTracker(new TrackerBinding(" ", "x", null, null)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void valuesThatNeedQuotingRoundTrip() throws IOException {
        write(COMMENTED);
        for (String handle : new String[] {"yes", "a: b", "#hash", "123", "acme/spec-kitty", "ünïcödé", "'quoted'"}) {
            store().bindTeamspace(handle);
            assertThat(store().read().orElseThrow().teamspace()).as(handle).isEqualTo(handle);
        }
    }

    @Test
    void bindCreatesTheConfigFileOnlyWhenKittifyExists() throws IOException {
        store().unbindTeamspace();
        assertThat(config).doesNotExist();

        store().bindTeamspace("acme");
        assertThat(configText()).isEqualTo("teamspace:\n  slug: acme\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config))).isEqualTo("rw-r--r--");

        Path noKittify = Files.createDirectories(temp.resolve("plain"));
        YamlBindingStore outside = new YamlBindingStore(noKittify, Map.of("SPECIFY_REPO_ROOT", noKittify.toString()));
        assertThatThrownBy(() -> outside.bindTeamspace("acme")).isInstanceOf(BindingFileException.class)
                .hasMessageContaining("inside a spec-kitty project");
        assertThat(noKittify.resolve(".kittify")).doesNotExist();
    }

    @Test
    void withoutAProjectRootBindingFailsWithAnInstruction() throws IOException {
        Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
        YamlBindingStore outside = new YamlBindingStore(elsewhere, Map.of());

        assertThatThrownBy(() -> outside.bindTeamspace("acme")).isInstanceOf(ProjectRootNotFoundException.class)
                .hasMessageContaining("run this command from inside a spec-kitty project")
                .hasMessageContaining(".kittify/");
        assertThatThrownBy(outside::unbindTeamspace).isInstanceOf(ProjectRootNotFoundException.class);
        assertThatThrownBy(() -> outside.bindTracker(new TrackerBinding("linear", "r", null, null)))
                .isInstanceOf(ProjectRootNotFoundException.class);
    }

    @Test
    void theFilesPermissionsCrlfLineEndingsAndMissingFinalNewlineAreKept() throws IOException {
        write("project:\r\n  slug: p\r\nteamspace: old\r\nvcs:\r\n  type: git");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r-----"));

        store().bindTeamspace("acme");
        assertThat(configText()).isEqualTo("project:\r\n  slug: p\r\nteamspace:\r\n  slug: acme\r\nvcs:\r\n  type: git");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config))).isEqualTo("rw-r-----");

        store().unbindTeamspace();
        store().bindTeamspace("beta");
        assertThat(configText()).isEqualTo("project:\r\n  slug: p\r\nvcs:\r\n  type: git\r\nteamspace:\r\n  slug: beta\r\n");
    }

    @Test
    void repeatedTopLevelBlocksCollapseIntoOne() throws IOException {
        write("teamspace: first\nproject:\n  slug: p\nteamspace:\n  slug: second\n");
        assertThat(store().read().orElseThrow().teamspace()).as("the last one wins, as in PyYAML")
                .isEqualTo("second");

        store().bindTeamspace("acme");

        assertThat(configText()).isEqualTo("teamspace:\n  slug: acme\nproject:\n  slug: p\n");
    }

    @Test
    void anEditThatWouldChangeAnotherKeyIsRefused() throws IOException {
        String aliased = "teamspace: &t\n  slug: acme\nmirror: *t\n";
        write(aliased);

        assertThatThrownBy(() -> store().unbindTeamspace()).isInstanceOf(BindingFileException.class)
                .hasMessageContaining(config.toString()).hasMessageContaining("left unchanged");
        assertThat(configText()).isEqualTo(aliased);
    }

    @Test
    void aConfigSymlinkedWithinTheRepositoryIsEditedAtItsTarget() throws IOException {
        Path shared = Files.createDirectories(repo.resolve("shared")).resolve("config.yaml");
        Files.writeString(shared, COMMENTED);
        Files.createSymbolicLink(config, Path.of("../shared/config.yaml"));

        store().bindTeamspace("acme");

        assertThat(Files.isSymbolicLink(config)).isTrue();
        assertThat(Files.readString(shared)).contains("teamspace:\n  slug: acme\n").startsWith("# spec-kitty");
    }

    /** A cloned repository can ship its config as a link to any file of the user's: never written through. */
    @Test
    void aConfigSymlinkedOutsideTheRepositoryIsNeverWrittenThrough() throws IOException {
        Path victim = temp.resolve("victim-dotfile.yaml");
        Files.writeString(victim, COMMENTED);
        Files.createSymbolicLink(config, victim);

        assertThatThrownBy(() -> store().bindTeamspace("acme")).isInstanceOf(BindingFileException.class)
                .hasMessage(config + " is a symbolic link (or inside one) that leads outside the repository " + repo
                        + "; spec-kitty never writes through it. Nothing was written. Replace the link with a regular"
                        + " file and retry.")
                .hasMessageNotContaining(victim.toString());
        assertThatThrownBy(() -> store().unbindTeamspace()).isInstanceOf(BindingFileException.class);
        assertThat(Files.readString(victim)).isEqualTo(COMMENTED);
        assertThat(Files.isSymbolicLink(config)).isTrue();
        try (var left = Files.list(temp)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("repo", "victim-dotfile.yaml");
        }
    }

    @Test
    void aKittifyDirectorySymlinkedOutsideTheRepositoryGetsNoNewConfig() throws IOException {
        Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
        Files.delete(repo.resolve(".kittify"));
        Files.createSymbolicLink(repo.resolve(".kittify"), elsewhere);

        assertThatThrownBy(() -> store().bindTeamspace("acme")).isInstanceOf(BindingFileException.class)
                .hasMessageContaining("leads outside the repository");
        try (var files = Files.list(elsewhere)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aFifoInPlaceOfTheConfigIsRefusedAtOnceInsteadOfBlocking() throws Exception {
        assertThat(new ProcessBuilder("mkfifo", config.toString()).start().waitFor()).isZero();

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertThatThrownBy(() -> store().read()).isInstanceOf(BindingFileException.class)
                    .hasMessage(config + " is not a regular file (a directory, FIFO or device, or a link to one). It was"
                            + " left unchanged; replace it with a regular file.");
            assertThatThrownBy(() -> store().bindTeamspace("acme")).isInstanceOf(BindingFileException.class);
        });
        assertThat(Files.isRegularFile(config, java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
    }

    @Test
    void aGitRepositoryWithoutKittifyBecomesAProjectOnlyWhenAsked() throws IOException {
        Path fresh = Files.createDirectories(temp.toRealPath().resolve("fresh"));
        Files.createDirectories(fresh.resolve(".git"));
        Files.writeString(fresh.resolve(".git/config"),
                "[remote \"origin\"]\n\turl = git@github.com:acme/Fresh-Repo.git\n", StandardCharsets.UTF_8);
        Path inside = Files.createDirectories(fresh.resolve("src/main"));
        YamlBindingStore store = new YamlBindingStore(inside, Map.of());

        assertThat(store.read()).isEmpty();
        assertThat(store.newProjectSite()).contains(
                new BindingStore.NewProjectSite(fresh.toString(), java.util.Optional.of("acme/Fresh-Repo")));
        assertThat(fresh.resolve(".kittify")).as("looking creates nothing").doesNotExist();

        store.createProject("7f1c2d3e-0000-4000-8000-000000000001", "fresh-repo");

        TeamspaceBinding binding = store.read().orElseThrow();
        assertThat(binding.projectRoot()).isEqualTo(fresh.toString());
        assertThat(binding.projectUuid()).isEqualTo("7f1c2d3e-0000-4000-8000-000000000001");
        assertThat(binding.projectSlug()).isEqualTo("fresh-repo");
        assertThat(store.newProjectSite()).as("a project now").isEmpty();
        assertThat(new YamlBindingStore(temp.toRealPath(), Map.of()).newProjectSite()).as("outside git").isEmpty();
    }
}

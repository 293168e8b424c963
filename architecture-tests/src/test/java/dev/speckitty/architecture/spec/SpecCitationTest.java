package dev.speckitty.architecture.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.architecture.RepositoryLayout;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every spec citation in the Java sources and the docs points into the repository (issue 13, item 6): the
 * real tree, and the rule itself on fixture text that breaks it one way each.
 */
class SpecCitationTest {

    private static final RepositoryLayout REPOSITORY = RepositoryLayout.current();
    private static final Predicate<String> EXISTS = name -> Files.isRegularFile(specDir().resolve(name));

    @Test
    void java_sources_and_docs_cite_only_spec_files_that_exist_in_the_repository() throws IOException {
        List<Path> files = citingFiles();
        List<String> findings = files.stream()
                .flatMap(file -> SpecCitations.findings(REPOSITORY.relative(file), read(file), EXISTS).stream())
                .toList();

        assertThat(files).as("Java sources and docs scanned").hasSizeGreaterThan(100);
        assertThat(Files.isRegularFile(specDir().resolve("behaviour.md"))).as("docs/spec/behaviour.md").isTrue();
        assertThat(findings).withFailMessage(() -> String.join("\n", findings)).isEmpty();
    }

    @Test
    void a_spec_folder_outside_the_repository_is_reported() {
        assertThat(findingsOf("outside.txt", Set.of("behaviour.md")))
                .hasSize(4)
                .allSatisfy(finding -> assertThat(finding).contains("outside the repository"))
                .anySatisfy(finding -> assertThat(finding).contains("x.java:1: spec folder outside the repository: /work/shared/spec"))
                .anySatisfy(finding -> assertThat(finding).contains("x.java:4: spec file outside the repository: /spec/behaviour.md"));
    }

    @Test
    void an_upstream_file_name_without_its_path_is_reported() {
        assertThat(findingsOf("bare.txt", Set.of("behaviour.md", "hosted-contract.md")))
                .hasSize(3)
                .allSatisfy(finding -> assertThat(finding).contains("without its in-repo path"));
    }

    @Test
    void a_docs_spec_file_that_does_not_exist_is_reported() {
        assertThat(findingsOf("missing.txt", Set.of("behaviour.md")))
                .containsExactly("x.java:2: cites docs/spec/behavior.md, which does not exist");
    }

    @Test
    void in_repo_citations_and_unrelated_paths_pass() {
        assertThat(findingsOf("good.txt", Set.of("behaviour.md", "hosted-contract.md", "decisions.md"))).isEmpty();
    }

    @Test
    void pages_inside_docs_spec_may_name_their_siblings() {
        Predicate<String> exists = Set.of("behaviour.md", "hosted-contract.md")::contains;
        String text = "see behaviour.md §3.3 and hosted-contract.md §2.5";

        assertThat(SpecCitations.findings("docs/spec/README.md", text, exists)).isEmpty();
        assertThat(SpecCitations.findings("docs/cli.md", text, exists)).hasSize(2);
    }

    private static List<String> findingsOf(String fixture, Set<String> existing) {
        return SpecCitations.findings("x.java", fixture(fixture), existing::contains);
    }

    /**
     * Every module's Java sources (main and test), {@code docs/**.md} and the root README; not this guard's
     * own package, whose patterns and fixtures name the spec files on purpose.
     */
    private static List<Path> citingFiles() throws IOException {
        Path root = REPOSITORY.root();
        Path guard = REPOSITORY.fixtureSourceRoot().resolve(SpecCitationTest.class.getPackageName().replace('.', '/'));
        List<Path> files = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path sources : modules.map(module -> module.resolve("src")).filter(Files::isDirectory).toList()) {
                files.addAll(filesUnder(sources, ".java"));
            }
        }
        files.addAll(filesUnder(root.resolve("docs"), ".md"));
        files.add(root.resolve("README.md"));
        return files.stream().filter(file -> !file.startsWith(guard)).sorted().toList();
    }

    private static List<Path> filesUnder(Path dir, String suffix) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).filter(file -> file.toString().endsWith(suffix)).toList();
        }
    }

    private static Path specDir() {
        return REPOSITORY.root().resolve(SpecCitations.SPEC_DIR);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    private static String fixture(String name) {
        try (InputStream in = SpecCitationTest.class.getResourceAsStream("/spec-citations/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read fixture " + name, e);
        }
    }
}

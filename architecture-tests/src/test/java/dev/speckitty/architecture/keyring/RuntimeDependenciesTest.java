package dev.speckitty.architecture.keyring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/spec/behaviour.md §6 / H1 over the real, resolved runtime classpath that Maven wrote before this test ran. */
class RuntimeDependenciesTest {

    private static Path listFile() {
        return Path.of(System.getProperty("speckitty.runtimeDependencies", "target/runtime-dependencies.txt"));
    }

    @Test
    void shell_app_runtime_classpath_has_no_keyring_library() throws IOException {
        Path file = listFile();
        assertThat(file).as("written by maven-dependency-plugin:list in generate-test-resources; run through Maven")
                .isRegularFile();

        List<ResolvedArtifact> runtime = ResolvedArtifact.readList(file);

        // Guards against checking the wrong (or an empty) list and passing for that reason.
        assertThat(runtime).extracting(ResolvedArtifact::artifactId).contains("shell-app", "domain");
        assertThat(BannedArtifacts.violations(runtime))
                .as("banned artifacts on shell-app's runtime classpath (" + file + ")")
                .isEmpty();
    }

    @Test
    void the_list_holds_only_runtime_scopes() throws IOException {
        List<ResolvedArtifact> runtime = ResolvedArtifact.readList(listFile());

        assertThat(runtime).extracting(ResolvedArtifact::scope).containsOnly("compile", "runtime");
        assertThat(Files.readString(listFile())).doesNotContain(":test");
    }
}

package dev.speckitty.shell.command.version;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.shell.runner.ExitCode;
import dev.speckitty.shell.runner.SpecKittyShellRunner;
import dev.speckitty.shell.runner.TerminalStreams;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.shell.core.command.CommandRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class VersionCommandTest {

    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private ExitCode run(String... args) {
        SpecKittyShellRunner runner = new SpecKittyShellRunner(new CommandRegistry(Set.of(new VersionCommand())),
                new TerminalStreams(new PrintWriter(out), new PrintWriter(err), new BufferedReader(new StringReader(""))));
        runner.run(args);
        return runner.exitCode();
    }

    @Test
    void theFlagsAndTheCommandPrintTheSameBuildAndRuntime() {
        for (String word : new String[] {"--version", "-V", "version"}) {
            out.getBuffer().setLength(0);
            assertThat(run(word)).isEqualTo(ExitCode.OK);
            assertThat(out.toString()).startsWith("spec-kitty ").contains("\ncommit:  ").contains("\nbuilt:   ")
                    .contains("\nruntime: " + System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.version")
                            + " (" + System.getProperty("java.home") + ")\n")
                    .doesNotContain("bundled");
        }
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void jsonNamesTheRuntimeAndTheBuild() {
        assertThat(run("-V", "--json")).isEqualTo(ExitCode.OK);
        JsonNode json = JsonMapper.builder().build().readTree(out.toString());
        assertThat(json.path("version").asString()).isNotBlank();
        assertThat(json.path("commit").asString()).isNotBlank();
        assertThat(json.path("build_time").asString()).isNotBlank();
        assertThat(json.path("runtime").path("java_home").asString()).isEqualTo(System.getProperty("java.home"));
        assertThat(json.path("runtime").path("bundled").asBoolean()).isFalse();
    }

    @Test
    void aRuntimeIsBundledOnlyWhenItsReleaseFileCarriesTheMarker() throws Exception {
        Path marked = Files.createDirectories(temp.resolve("marked"));
        Files.writeString(marked.resolve("release"), "JAVA_VERSION=\"25\"\nSPEC_KITTY_RUNTIME=\"bundled\"\n");
        Path plain = Files.createDirectories(temp.resolve("plain"));
        Files.writeString(plain.resolve("release"), "JAVA_VERSION=\"25\"\nIMPLEMENTOR=\"bundled\"\n");
        assertThat(VersionInfo.isBundled(marked)).isTrue();
        assertThat(VersionInfo.isBundled(plain)).isFalse();
        assertThat(VersionInfo.isBundled(temp.resolve("missing"))).isFalse();
    }
}

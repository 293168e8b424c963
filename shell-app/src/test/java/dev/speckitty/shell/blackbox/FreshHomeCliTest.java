package dev.speckitty.shell.blackbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.shell.support.CliProcess;
import dev.speckitty.shell.support.CliProcess.Result;
import dev.speckitty.shell.support.JsonDocuments;
import dev.speckitty.shell.support.NoTokenLeak;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The CLI as a process on a machine that never logged in. */
@ExtendWith(NoTokenLeak.class)
class FreshHomeCliTest {

    @TempDir
    Path tempDir;

    private Path sandbox;

    @BeforeEach
    void sandbox() {
        sandbox = CliProcess.freshSandbox(tempDir);
    }

    @Test
    void statusSaysNotAuthenticatedExitZeroAndWritesNothing() {
        Result result = CliProcess.run(sandbox, "auth", "status");
        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.stdout()).isEqualTo("X Not authenticated\n  Run spec-kitty auth login to authenticate.\n");
        assertThat(result.stderr()).isEmpty();
        assertThat(Files.exists(CliProcess.authDirectory(sandbox))).as("status only reads").isFalse();
    }

    @Test
    void statusJsonIsExactlyOneDocument() {
        Result result = CliProcess.run(sandbox, "auth", "status", "--json");
        assertThat(result.exitCode()).as(result.describe()).isZero();
        JsonNode json = JsonDocuments.single(result.stdout());
        assertThat(json.get("authenticated").booleanValue()).isFalse();
        assertThat(json.get("state").asString()).isEqualTo("not_authenticated");
        assertThat(json.get("storage").get("backend").asString()).isEqualTo("encrypted-file");
        assertThat(json.get("storage").get("path").asString())
                .isEqualTo(CliProcess.authDirectory(sandbox).resolve("session.json").toString());
        assertThat(result.stderr()).isEmpty();
    }

    @Test
    void whoamiPrintsNothingAndExitsOne() {
        Result result = CliProcess.run(sandbox, "auth", "whoami");
        assertThat(result.exitCode()).as(result.describe()).isEqualTo(1);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).contains("Not authenticated", "spec-kitty auth login");
    }

    @Test
    void unknownCommandIsAUsageError() {
        Result result = CliProcess.run(sandbox, "auth", "lgoin");
        assertThat(result.exitCode()).as(result.describe()).isEqualTo(2);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).isEqualTo(
                "spec-kitty: unknown command 'auth lgoin'\nRun 'spec-kitty help' to list commands and options.\n");
    }

    @Test
    void unknownOptionIsAUsageError() {
        Result result = CliProcess.run(sandbox, "auth", "status", "--jsn");
        assertThat(result.exitCode()).as(result.describe()).isEqualTo(2);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).startsWith("spec-kitty: unknown option '--jsn' for 'auth status'\n")
                .doesNotContain("Exception", "\tat ");
    }

    @Test
    void helpListsTheCommands() {
        Result result = CliProcess.run(sandbox, "help");
        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.stdout()).contains("auth status [--json]", "auth whoami [--json]", "Exit codes:");
    }

    @Test
    void interactiveShellReadsCommandsFromStdinUntilExit() {
        Result result = CliProcess.interactive(sandbox, "auth status --json\nauth nope\nauth whoami\nexit\n");
        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.stdout()).startsWith("spec-kitty> {\"authenticated\":false")
                .endsWith("spec-kitty> spec-kitty> spec-kitty> ");
        assertThat(result.stderr()).contains("unknown command 'auth nope'", "Not authenticated");
    }
}

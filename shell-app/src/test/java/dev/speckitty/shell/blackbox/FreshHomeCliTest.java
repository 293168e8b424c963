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
                "spec-kitty: unknown command 'auth lgoin'\nDid you mean 'auth login'?\n"
                        + "Run 'spec-kitty auth --help' for usage.\n");
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
    void helpAnswersAtEveryLevelOfTheRealCommandSet() {
        Result overview = CliProcess.run(sandbox, "--help");
        assertThat(overview.exitCode()).as(overview.describe()).isZero();
        assertThat(overview.stdout()).contains("Authentication:\n", "  auth status ", "  sync now ", "  teamspace bind ",
                "  tracker pull ", "Exit codes:");
        Result group = CliProcess.run(sandbox, "auth");
        assertThat(group.exitCode()).as(group.describe()).isZero();
        assertThat(group.stdout()).startsWith("Usage: spec-kitty auth <command> [options]")
                .contains("  login ", "  logout ", "  status ", "  whoami ");
        Result command = CliProcess.run(sandbox, "help", "tracker", "bind");
        assertThat(command.exitCode()).as(command.describe()).isZero();
        assertThat(command.stdout()).startsWith("Usage: spec-kitty tracker bind --provider PROVIDER")
                .contains("(required)");
        assertThat(String.join("\n", overview.stdout(), group.stdout(), command.stdout()).lines())
                .allMatch(line -> line.length() <= 80);
    }

    @Test
    void aMistypedOptionOfARealCommandIsSuggested() {
        Result result = CliProcess.run(sandbox, "auth", "login", "--headles");
        assertThat(result.exitCode()).as(result.describe()).isEqualTo(2);
        assertThat(result.stderr()).isEqualTo("spec-kitty: unknown option '--headles' for 'auth login'\n"
                + "Did you mean '--headless'?\nRun 'spec-kitty auth login --help' for usage.\n");
    }

    @Test
    void pipedShellInputGetsNoPromptsAndEndsWithTheLastFailure() {
        Result result = CliProcess.interactive(sandbox, "auth status --json\nauth nope\nauth whoami\nexit\n");
        assertThat(result.exitCode()).as(result.describe()).isEqualTo(1);
        assertThat(result.stdout()).startsWith("{\"authenticated\":false").doesNotContain("spec-kitty> ");
        assertThat(result.stderr()).contains("unknown command 'auth nope'", "Not authenticated")
                .doesNotContain("spec-kitty: unknown");
    }

    @Test
    void teamspaceBindMakesAFreshGitRepositoryAProjectAndOutsideGitSaysWhy() throws Exception {
        Result outside = CliProcess.run(sandbox, "teamspace", "bind", "acme/x", "--json");
        assertThat(outside.exitCode()).as(outside.describe()).isEqualTo(1);
        assertThat(JsonDocuments.single(outside.stdout()).path("error").path("code").asString())
                .isEqualTo("not_in_a_project");
        assertThat(outside.stderr()).contains("not in a git repository", "git init").doesNotContain("SPECIFY_REPO_ROOT");

        Files.createDirectories(sandbox.resolve(".git"));
        Files.writeString(sandbox.resolve(".git/config"), "[remote \"origin\"]\n\turl = https://github.com/acme/New-Repo.git\n");
        Result bound = CliProcess.run(sandbox, "teamspace", "bind", "acme/x");
        assertThat(bound.exitCode()).as(bound.describe()).isZero();
        assertThat(bound.stdout()).contains("+ Created ", "(project new-repo, ", "+ Bound to teamspace acme/x");
        assertThat(Files.readString(sandbox.resolve(".kittify/config.yaml")))
                .containsPattern("uuid: \"[0-9a-f-]{36}\"").contains("slug: \"new-repo\"", "teamspace:");
    }

    @Test
    void syncStatusNamesTheFirstMissingPieceNotTheLogin() {
        Result off = CliProcess.run(sandbox, "sync", "status");
        assertThat(off.exitCode()).as(off.describe()).isZero();
        assertThat(off.stdout()).contains("Set SPEC_KITTY_ENABLE_SAAS_SYNC=1").doesNotContain("auth login");
        Result noUrl = CliProcess.runWith(sandbox, java.util.Map.of("SPEC_KITTY_ENABLE_SAAS_SYNC", "1"), "sync", "status");
        assertThat(noUrl.stdout()).contains("Set SPEC_KITTY_SAAS_URL").doesNotContain("auth login");
    }
}

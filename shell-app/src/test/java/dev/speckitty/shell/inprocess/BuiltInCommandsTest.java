package dev.speckitty.shell.inprocess;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.shell.inprocess.InProcessCli.Result;
import dev.speckitty.shell.runner.ExitCode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code version}, {@code help} and {@code completion} in-process, with the production wiring. */
class BuiltInCommandsTest {

    @TempDir
    Path root;

    @Test
    void versionAsTextAndAsOneDocument() {
        InProcessCli cli = InProcessCli.in(root);
        Result text = cli.run("version");
        assertThat(text.exit()).as(text.toString()).isEqualTo(ExitCode.OK);
        assertThat(text.out()).startsWith("spec-kitty ");
        assertThat(cli.run("--version").out()).isEqualTo(text.out());
        Result json = cli.run("version", "--json");
        assertThat(json.json().path("version").asString()).isNotBlank();
        Result extra = cli.run("version", "--verbose");
        assertThat(extra.exit()).isEqualTo(ExitCode.USAGE_OR_INTERNAL);
    }

    @Test
    void helpListsEveryGroupAndRefusesAnUnknownTopic() {
        InProcessCli cli = InProcessCli.in(root);
        Result overview = cli.run("help");
        assertThat(overview.exit()).isEqualTo(ExitCode.OK);
        assertThat(overview.out()).contains("auth login", "sync now", "teamspace bind", "tracker pull", "completion");
        assertThat(cli.run("help", "auth", "status").out()).contains("--short");
        Result unknown = cli.run("help", "nope");
        assertThat(unknown.exit()).isEqualTo(ExitCode.USAGE_OR_INTERNAL);
        assertThat(unknown.out()).isEmpty();
        assertThat(cli.run("nope", "--json").error().path("code").asString()).isEqualTo("usage_error");
    }

    @Test
    void completionPrintsAScriptPerShellAndRefusesOthers() {
        InProcessCli cli = InProcessCli.in(root);
        Result bash = cli.run("completion", "bash");
        assertThat(bash.exit()).isEqualTo(ExitCode.OK);
        assertThat(bash.out()).contains("complete", "spec-kitty", "teamspace");
        assertThat(cli.run("completion", "fish").out()).contains("complete -c spec-kitty");
        Result other = cli.run("completion", "powershell");
        assertThat(other.exit()).isEqualTo(ExitCode.USAGE_OR_INTERNAL);
        assertThat(other.err()).contains("bash, zsh or fish");
    }
}

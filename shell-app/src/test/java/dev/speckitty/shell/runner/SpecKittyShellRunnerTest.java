package dev.speckitty.shell.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.domain.session.SessionStorageException;
import dev.speckitty.shell.command.CommandFailedException;
import dev.speckitty.shell.command.HelpCommand;
import dev.speckitty.shell.command.OptionSpecs;
import dev.speckitty.shell.command.ParsedOptions;
import dev.speckitty.shell.command.SpecKittyCommand;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.ExitStatus;

class SpecKittyShellRunnerTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private final CommandRegistry registry = new CommandRegistry(Set.of(
            command("auth", context -> {
                context.outputWriter().println("group");
                return ExitStatus.OK;
            }),
            command("auth status", context -> {
                context.outputWriter().println("status json=" + ParsedOptions.flag(context, "json"));
                return ExitStatus.OK;
            }),
            command("auth whoami", context -> {
                throw new CommandFailedException("X Not authenticated", "  Run spec-kitty auth login to authenticate.");
            }),
            command("auth broken", context -> {
                throw new IllegalStateException("token at_SENTINEL_1 in a message we do not own");
            }),
            command("auth storage", context -> {
                throw new SessionStorageException(SessionStorageException.Problem.UNSAFE_PERMISSIONS,
                        "Session file /x has unsafe permissions");
            }),
            new HelpCommand()));

    private SpecKittyShellRunner runner(String stdin) {
        return new SpecKittyShellRunner(registry, new TerminalStreams(new PrintWriter(out), new PrintWriter(err),
                new BufferedReader(new StringReader(stdin))));
    }

    private static SpecKittyCommand command(String name, Function<CommandContext, ExitStatus> body) {
        return new SpecKittyCommand(name, "does " + name, "Test", List.of(OptionSpecs.flag("json", "json"))) {
            @Override
            public ExitStatus execute(CommandContext context) {
                return body.apply(context);
            }
        };
    }

    private ExitCode oneShot(String... args) {
        SpecKittyShellRunner runner = runner("");
        runner.run(args);
        return runner.exitCode();
    }

    @Test
    void longestCommandNameWinsAndFlagsReachTheCommand() {
        assertThat(oneShot("auth", "status", "--json")).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).isEqualTo("status json=true\n");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void commandFailureIsExitOneWithMessageAndHintOnStderr() {
        assertThat(oneShot("auth", "whoami")).isEqualTo(ExitCode.FAILED);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).isEqualTo("X Not authenticated\n  Run spec-kitty auth login to authenticate.\n");
    }

    @Test
    void storageFailureIsExitOneWithItsSafeMessage() {
        assertThat(oneShot("auth", "storage")).isEqualTo(ExitCode.FAILED);
        assertThat(err.toString()).isEqualTo("Session file /x has unsafe permissions\n");
    }

    @Test
    void unexpectedExceptionIsOneLineExitTwoWithoutItsMessage() {
        assertThat(oneShot("auth", "broken")).isEqualTo(ExitCode.USAGE_OR_INTERNAL);
        assertThat(err.toString()).isEqualTo("spec-kitty: internal error in 'auth broken' (IllegalStateException)\n");
        assertThat(err.toString() + out).doesNotContain("SENTINEL");
    }

    @Test
    void unknownCommandAndOptionAreUsageErrors() {
        assertThat(oneShot("nope")).isEqualTo(ExitCode.USAGE_OR_INTERNAL);
        assertThat(err.toString()).isEqualTo("spec-kitty: unknown command 'nope'\n"
                + "Run 'spec-kitty help' to list commands.\n");
        err.getBuffer().setLength(0);
        assertThat(oneShot("auth", "status", "--verbose")).isEqualTo(ExitCode.USAGE_OR_INTERNAL);
        assertThat(err.toString()).isEqualTo("spec-kitty: unknown option '--verbose' for 'auth status'\n"
                + "Run 'spec-kitty auth status --help' for usage.\n");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void unknownSubCommandIsNotSilentlyTheGroup() {
        assertThat(oneShot("auth", "statuss")).isEqualTo(ExitCode.USAGE_OR_INTERNAL);
        assertThat(err.toString()).isEqualTo("spec-kitty: unknown command 'auth statuss'\n"
                + "Did you mean 'auth status'?\nRun 'spec-kitty auth --help' for usage.\n");
    }

    @Test
    void helpListsCommandsAndCommandHelpShowsOptions() {
        assertThat(oneShot("help")).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("  auth status", "does auth status", "Exit codes:")
                .doesNotContain("exit, quit");
        out.getBuffer().setLength(0);
        assertThat(oneShot("auth", "status", "--help")).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).startsWith("Usage: spec-kitty auth status [--json]").contains("--json");
        out.getBuffer().setLength(0);
        assertThat(oneShot("help", "auth", "whoami")).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).startsWith("Usage: spec-kitty auth whoami [--json]");
    }

    private SpecKittyShellRunner shell(String stdin, boolean terminal) {
        return new SpecKittyShellRunner(registry, new TerminalStreams(new PrintWriter(out), new PrintWriter(err),
                new BufferedReader(new StringReader(stdin))), terminal);
    }

    @Test
    void interactiveShellGoesOnAfterErrorsAndStopsAtQuit() {
        SpecKittyShellRunner runner = shell("auth status\n\nauth 'unterminated\nbogus --x\nauth whoami\n"
                + "spec-kitty auth status --json\nquit\nauth status\n", true);
        runner.run(new String[0]);
        assertThat(runner.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).isEqualTo("spec-kitty> status json=false\nspec-kitty> spec-kitty> spec-kitty> "
                + "spec-kitty> spec-kitty> status json=true\nspec-kitty> ");
        assertThat(err.toString()).contains("unterminated single quote", "unknown command 'bogus'\n"
                + "Type 'help' to list commands.", "X Not authenticated").doesNotContain("spec-kitty:");
    }

    @Test
    void interactiveShellEndsAtEndOfInputOnAFreshLine() {
        SpecKittyShellRunner runner = shell("auth status", true);
        runner.run(new String[0]);
        assertThat(runner.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).isEqualTo("spec-kitty> status json=false\nspec-kitty> \n");
    }

    @Test
    void theFreshLineAtEndOfInputReachesABufferedStdout() {
        SpecKittyShellRunner runner = new SpecKittyShellRunner(registry, new TerminalStreams(
                new PrintWriter(new java.io.BufferedWriter(out)), new PrintWriter(err),
                new BufferedReader(new StringReader(""))), true);
        runner.run(new String[0]);
        assertThat(out.toString()).isEqualTo("spec-kitty> \n");
    }

    @Test
    void pipedInputGetsNoPromptAndKeepsTheLastFailure() {
        SpecKittyShellRunner runner = shell("auth whoami\nauth status\n", false);
        runner.run(new String[0]);
        assertThat(runner.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(out.toString()).isEqualTo("status json=false\n");
    }

    @Test
    void shellHelpListsExitAndQuitAndHintsInShellTerms() {
        SpecKittyShellRunner runner = shell("help\nauth status --jsn\n", true);
        runner.run(new String[0]);
        assertThat(out.toString()).contains("exit, quit", "Type '<command> --help'").doesNotContain("spec-kitty <command>");
        assertThat(err.toString()).isEqualTo(BANNER + "unknown option '--jsn' for 'auth status'\n"
                + "Did you mean '--json'?\nType 'auth status --help' for usage.\n");
    }

    private static final String BANNER = "spec-kitty interactive shell. Type 'help' for commands, Tab to complete,"
            + " 'exit' or Ctrl-D to leave.\n"; // no version: unit tests run from classes, not the jar

    @Test
    void aTerminalGetsTheBannerOnStderrAndAScriptDoesNot() {
        shell("quit\n", true).run(new String[0]);
        assertThat(err.toString()).isEqualTo(BANNER);
        assertThat(InteractiveSession.banner("1.2.3")).startsWith("spec-kitty 1.2.3 interactive shell.");
        err.getBuffer().setLength(0);
        shell("quit\n", false).run(new String[0]);
        assertThat(err.toString()).isEmpty();
    }
}

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

    private SpecKittyShellRunner runner(String stdin) {
        CommandRegistry registry = new CommandRegistry(Set.of(
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
        assertThat(err.toString()).startsWith("spec-kitty: unknown command 'nope'\n").contains("spec-kitty help");
        err.getBuffer().setLength(0);
        assertThat(oneShot("auth", "status", "--verbose")).isEqualTo(ExitCode.USAGE_OR_INTERNAL);
        assertThat(err.toString()).startsWith("spec-kitty: unknown option '--verbose' for 'auth status'\n");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void unknownSubCommandIsNotSilentlyTheGroup() {
        assertThat(oneShot("auth", "statuss")).isEqualTo(ExitCode.USAGE_OR_INTERNAL);
        assertThat(err.toString()).contains("unknown command 'auth statuss'");
    }

    @Test
    void helpListsCommandsAndCommandHelpShowsOptions() {
        assertThat(oneShot("help")).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("auth status [--json]", "help [COMMAND...]", "Exit codes:");
        out.getBuffer().setLength(0);
        assertThat(oneShot("auth", "status", "--help")).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).startsWith("Usage: spec-kitty auth status [--json]").contains("--json");
        out.getBuffer().setLength(0);
        assertThat(oneShot("help", "auth", "whoami")).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).startsWith("Usage: spec-kitty auth whoami [--json]");
    }

    @Test
    void interactiveShellGoesOnAfterErrorsAndStopsAtQuit() {
        SpecKittyShellRunner runner = runner("auth status\n\nauth 'unterminated\nbogus --x\nauth whoami\nauth status --json\nquit\nauth status\n");
        runner.run(new String[0]);
        assertThat(runner.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).isEqualTo("spec-kitty> status json=false\nspec-kitty> spec-kitty> spec-kitty> "
                + "spec-kitty> spec-kitty> status json=true\nspec-kitty> ");
        assertThat(err.toString()).contains("unterminated single quote", "unknown command 'bogus'", "X Not authenticated");
    }

    @Test
    void interactiveShellEndsAtEndOfInput() {
        SpecKittyShellRunner runner = runner("auth status");
        runner.run(new String[0]);
        assertThat(runner.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).isEqualTo("spec-kitty> status json=false\nspec-kitty> \n");
    }
}

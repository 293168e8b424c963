package dev.speckitty.shell.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.shell.command.HelpCommand;
import dev.speckitty.shell.command.OptionSpecs;
import dev.speckitty.shell.command.SpecKittyCommand;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.ExitStatus;

/** Help at every level and "did you mean", through the runner as the program arguments reach it. */
class HelpAndSuggestionsTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final CommandRegistry registry = new CommandRegistry(Set.of(
            command("auth status", "Authentication", OptionSpecs.flag("json", "Print one JSON document")),
            command("auth login", "Authentication", OptionSpecs.flag("headless", "Use the device grant"),
                    OptionSpecs.flag("force", 'f', "Replace an existing session")),
            command("auth doctor", "Authentication", OptionSpecs.flag("server", "Ask the server too"),
                    OptionSpecs.flag("json", "Print one JSON document"),
                    OptionSpecs.flag("unstick-lock", "Release a stuck refresh lock"),
                    OptionSpecs.valued("stuck-threshold", "Seconds after which a refresh lock is stuck (default 60)")),
            command("sync now", "Hosted sync", OptionSpecs.valued("report", "Write the failure report to FILE"),
                    OptionSpecs.flag("json", "Print one JSON document")),
            command("tracker bind", "Tracker", OptionSpecs.required("provider", "linear, jira or github"),
                    OptionSpecs.valued("binding-ref", "The hosted binding")),
            new HelpCommand()));

    private static SpecKittyCommand command(String name, String group, CommandOption... options) {
        return new SpecKittyCommand(name, "Does " + name + ".", group, List.of(options)) {
            @Override
            public ExitStatus execute(CommandContext context) {
                context.outputWriter().println("ran " + name);
                return ExitStatus.OK;
            }
        };
    }

    private ExitCode run(String line) {
        return InProcessRun.run(registry, out, err, line);
    }

    @Test
    void theOverviewAnswersEveryWayOfAskingAndListsCommandsByGroup() {
        for (String asking : List.of("--help", "-h", "help")) {
            assertThat(run(asking)).as(asking).isEqualTo(ExitCode.OK);
            assertThat(err.toString()).isEmpty();
            assertThat(out.toString()).as(asking)
                    .contains("Usage: spec-kitty <command> [options]", "Authentication:\n  auth doctor ",
                            "Hosted sync:\n  sync now ", "Run 'spec-kitty <command> --help'", "Exit codes:")
                    .doesNotContain("exit, quit");
        }
    }

    @Test
    void aGroupAloneListsItsCommandsAndExitsZero() {
        for (String asking : List.of("auth", "auth --help", "auth -h", "help auth", "--help auth")) {
            assertThat(run(asking)).as(asking).isEqualTo(ExitCode.OK);
            assertThat(out.toString()).as(asking).startsWith("Usage: spec-kitty auth <command> [options]\n")
                    .contains("  doctor ", "  login ", "  status ", "Does auth login.")
                    .contains("Run 'spec-kitty auth <command> --help'")
                    .doesNotContain("sync now");
            assertThat(err.toString()).isEmpty();
        }
    }

    @Test
    void aGroupWithAnOptionButNoCommandIsAUsageErrorPointingToTheGroup() {
        assertThat(run("auth --json")).isEqualTo(ExitCode.USAGE_OR_INTERNAL);
        assertThat(out.toString()).startsWith("{\"error\":{\"code\":\"usage_error\"");
        assertThat(err.toString()).isEqualTo("spec-kitty: 'auth' needs one of its commands: doctor, login, status\n"
                + "Run 'spec-kitty auth --help' for usage.\n");
    }

    @Test
    void commandHelpShowsWrappedSynopsisPlaceholdersByMeaningAndRequiredOptions() {
        assertThat(run("auth doctor --help")).isEqualTo(ExitCode.OK);
        String help = out.toString();
        assertThat(help).startsWith("Usage: spec-kitty auth doctor [--server] [--json] [--unstick-lock]\n"
                + "                              [--stuck-threshold SECONDS]\n\nDoes auth doctor.\n\nOptions:\n");
        assertThat(help).contains("  --stuck-threshold SECONDS  Seconds after which a refresh lock is stuck\n"
                + "                             (default 60)\n", "  -h, --help ");
        assertThat(Arrays.stream(help.split("\n"))).allMatch(line -> line.length() <= 80);

        assertThat(run("help tracker bind")).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).startsWith("Usage: spec-kitty tracker bind --provider PROVIDER [--binding-ref REF] [--json]\n")
                .contains("--provider PROVIDER", "linear, jira or github (required)");
        assertThat(run("sync now -h")).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("[--report FILE]").doesNotContain("REPORT");
        assertThat(run("auth login --help")).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("  -f, --force ");
    }

    @Test
    void aMistypedCommandIsSuggestedAndPointsToItsGroupHelp() {
        assertThat(run("auth stauts")).isEqualTo(ExitCode.USAGE_OR_INTERNAL);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).isEqualTo("spec-kitty: unknown command 'auth stauts'\n"
                + "Did you mean 'auth status'?\nRun 'spec-kitty auth --help' for usage.\n");

        assertThat(run("atuh stauts --json")).isEqualTo(ExitCode.USAGE_OR_INTERNAL);
        assertThat(err.toString()).contains("Did you mean 'auth status'?", "Run 'spec-kitty help' to list commands.");

        assertThat(run("snyc")).isEqualTo(ExitCode.USAGE_OR_INTERNAL);
        assertThat(err.toString()).contains("Did you mean 'sync'?");

        assertThat(run("help auth stauts")).isEqualTo(ExitCode.USAGE_OR_INTERNAL);
        assertThat(err.toString()).contains("unknown command 'auth stauts'", "Did you mean 'auth status'?");

        assertThat(run("deploy")).isEqualTo(ExitCode.USAGE_OR_INTERNAL);
        assertThat(err.toString()).isEqualTo("spec-kitty: unknown command 'deploy'\nRun 'spec-kitty help' to list commands.\n");
    }

    @Test
    void aMistypedOptionIsSuggestedAndPointsToTheCommandsOwnHelp() {
        assertThat(run("auth login --headles")).isEqualTo(ExitCode.USAGE_OR_INTERNAL);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).isEqualTo("spec-kitty: unknown option '--headles' for 'auth login'\n"
                + "Did you mean '--headless'?\nRun 'spec-kitty auth login --help' for usage.\n");

        assertThat(run("tracker bind")).isEqualTo(ExitCode.USAGE_OR_INTERNAL);
        assertThat(err.toString()).isEqualTo("spec-kitty: option --provider PROVIDER is required\n"
                + "Run 'spec-kitty tracker bind --help' for usage.\n");
    }

    @Test
    void helpAfterDoubleDashIsAnArgumentNotARequest() {
        assertThat(run("sync now -- --help")).isEqualTo(ExitCode.USAGE_OR_INTERNAL);
        assertThat(err.toString()).contains("takes no argument");
    }
}

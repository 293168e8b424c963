package dev.speckitty.shell.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.ExitStatus;

/** The generated bash completion, run by a real bash against the words a user typed. */
class CompletionScriptsTest {

    @TempDir
    Path temp;

    private final CommandTree tree = new CommandTree(new CommandRegistry(Set.of(
            command("auth login", OptionSpecs.flag("headless", "Device grant")),
            command("auth logout"),
            command("auth status"),
            command("sync now", OptionSpecs.valued("report", "Report file")),
            command("tracker bind", OptionSpecs.required("provider", "Provider")),
            new HelpCommand(), new CompletionCommand())));

    private static SpecKittyCommand command(String name, CommandOption... options) {
        return new SpecKittyCommand(name, "Does " + name + ".", "Test", List.of(options)) {
            @Override
            public ExitStatus execute(CommandContext context) {
                return ExitStatus.OK;
            }
        };
    }

    /** What bash offers after {@code spec-kitty <typed>}; the last word is the one being completed. */
    private String complete(String... typed) throws IOException, InterruptedException {
        Path script = Files.writeString(temp.resolve("completion.bash"), new CompletionScripts(tree).bash());
        Files.writeString(temp.resolve("report.json"), "{}");
        StringBuilder words = new StringBuilder("spec-kitty");
        for (String word : typed) {
            words.append(" '").append(word).append("'");
        }
        String program = "source " + script + "; cd " + temp + "; COMP_WORDS=(" + words + "); COMP_CWORD="
                + typed.length + "; _spec_kitty; printf '%s\\n' \"${COMPREPLY[@]}\" | sort | tr '\\n' ' '";
        Process bash = new ProcessBuilder("bash", "-c", program).redirectErrorStream(true).start();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(bash.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(bash.exitValue()).as(output).isZero();
        return output;
    }

    @Test
    void bashCompletesCommandsGroupsOptionsFilesAndKnownValues() throws Exception {
        assertThat(complete("")).isEqualTo("auth completion help sync tracker");
        assertThat(complete("au")).isEqualTo("auth");
        assertThat(complete("auth", "lo")).isEqualTo("login logout");
        assertThat(complete("auth", "login", "--")).isEqualTo("--headless --help --json");
        assertThat(complete("tracker", "bind", "--provider", "gi")).isEqualTo("github gitlab");
        assertThat(complete("sync", "now", "--report", "rep")).isEqualTo("report.json");
        assertThat(complete("completion", "")).isEqualTo("--help bash fish zsh");
    }

    @Test
    void zshReusesTheBashFunctionAndFishNamesEveryOption() {
        CompletionScripts scripts = new CompletionScripts(tree);
        assertThat(scripts.zsh()).contains("bashcompinit", "complete -F _spec_kitty spec-kitty");
        assertThat(scripts.fish()).contains(
                "complete -c spec-kitty -n __fish_use_subcommand -a \"auth completion help sync tracker\"",
                "-n \"__fish_seen_subcommand_from auth; and not __fish_seen_subcommand_from login logout status\" "
                        + "-a \"login logout status\"",
                "-n \"__fish_seen_subcommand_from auth; and __fish_seen_subcommand_from login\" -l headless",
                "-l provider -x -a \"linear jira github gitlab beads fp\"",
                "-l report -r -F");
    }
}

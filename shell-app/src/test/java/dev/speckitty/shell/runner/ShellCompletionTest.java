package dev.speckitty.shell.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.shell.command.CompletionCommand;
import dev.speckitty.shell.command.HelpCommand;
import dev.speckitty.shell.command.OptionSpecs;
import dev.speckitty.shell.command.SpecKittyCommand;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.ExitStatus;

class ShellCompletionTest {

    private final ShellCompletion completion = new ShellCompletion(new CommandRegistry(Set.of(
            command("auth status", OptionSpecs.flag("short", "short")),
            command("auth login", OptionSpecs.flag("force", 'f', "force")),
            command("sync now", OptionSpecs.valued("report", "report")),
            command("tracker bind", OptionSpecs.required("provider", "provider")),
            new HelpCommand(), new CompletionCommand())));

    @Test
    void firstWordsAreGroupsCommandsAndTheWaysOut() {
        assertThat(completion.complete(List.of()).words())
                .containsExactly("auth", "completion", "help", "sync", "tracker", "exit", "quit");
        assertThat(completion.complete(List.of("spec-kitty")).words()).contains("auth", "sync");
    }

    @Test
    void aGroupOffersItsCommands() {
        assertThat(completion.complete(List.of("auth")).words()).containsExactly("login", "status");
        assertThat(completion.complete(List.of("help", "auth")).words()).containsExactly("login", "status");
        assertThat(completion.complete(List.of("nope")).words()).isEmpty();
    }

    @Test
    void aCommandOffersTheOptionsNotGivenYet() {
        assertThat(completion.complete(List.of("auth", "login")).words())
                .containsExactly("--force", "--json", "--help");
        assertThat(completion.complete(List.of("auth", "login", "-f")).words()).containsExactly("--json", "--help");
        assertThat(completion.complete(List.of("completion")).words()).startsWith("bash", "zsh", "fish");
    }

    @Test
    void anOptionValueIsAKnownValueOrAFileName() {
        ShellCompletion.Offer provider = completion.complete(List.of("tracker", "bind", "--provider"));
        assertThat(provider.words()).contains("linear", "jira", "github");
        assertThat(provider.fileNames()).isFalse();
        ShellCompletion.Offer report = completion.complete(List.of("sync", "now", "--report"));
        assertThat(report.words()).isEmpty();
        assertThat(report.fileNames()).isTrue();
        assertThat(completion.complete(List.of("sync", "now", "--report", "out.json")).words())
                .containsExactly("--json", "--help");
    }

    private static SpecKittyCommand command(String name, CommandOption option) {
        return new SpecKittyCommand(name, "does " + name, "Test", List.of(option)) {
            @Override
            public ExitStatus execute(CommandContext context) {
                return ExitStatus.OK;
            }
        };
    }
}

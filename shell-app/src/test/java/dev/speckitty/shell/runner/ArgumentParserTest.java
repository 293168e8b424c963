package dev.speckitty.shell.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.speckitty.shell.command.OptionSpecs;
import dev.speckitty.shell.command.SpecKittyCommand;
import dev.speckitty.shell.command.UsageException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.shell.core.command.CommandArgument;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.ExitStatus;
import org.springframework.shell.core.command.ParsedInput;

class ArgumentParserTest {

    private static final SpecKittyCommand SYNC_NOW = new TestCommand("sync now", false, List.of(
            OptionSpecs.flag("json", "json"),
            OptionSpecs.flag("strict", "strict"),
            OptionSpecs.flag("force", 'f', "force"),
            OptionSpecs.valued("report", "report file")));

    private static Map<String, String> options(ParsedInput input) {
        return input.options().stream().collect(Collectors.toMap(CommandOption::longName, CommandOption::value));
    }

    @Test
    void flagsTakeNoValue() {
        ParsedInput input = ArgumentParser.parse(SYNC_NOW, List.of("--json", "--strict"));
        assertThat(options(input)).containsExactlyInAnyOrderEntriesOf(Map.of("json", "true", "strict", "true"));
    }

    @Test
    void valuedOptionsTakeTheNextWordOrAnEqualsValue() {
        assertThat(options(ArgumentParser.parse(SYNC_NOW, List.of("--report", "out.json", "--json"))))
                .containsEntry("report", "out.json").containsEntry("json", "true");
        assertThat(options(ArgumentParser.parse(SYNC_NOW, List.of("--report=a=b.json"))))
                .containsEntry("report", "a=b.json");
    }

    @Test
    void negatedAndExplicitFlags() {
        assertThat(options(ArgumentParser.parse(SYNC_NOW, List.of("--no-strict")))).containsEntry("strict", "false");
        assertThat(options(ArgumentParser.parse(SYNC_NOW, List.of("--json=false")))).containsEntry("json", "false");
    }

    @Test
    void shortAliasOfAFlag() {
        assertThat(options(ArgumentParser.parse(SYNC_NOW, List.of("-f")))).containsEntry("force", "true");
    }

    @Test
    void commandNameIsSplitIntoCommandAndSubCommands() {
        ParsedInput input = ArgumentParser.parse(SYNC_NOW, List.of());
        assertThat(input.commandName()).isEqualTo("sync");
        assertThat(input.subCommands()).containsExactly("now");
        assertThat(input.options()).isEmpty();
    }

    @Test
    void unknownOptionIsAUsageErrorNamingIt() {
        assertThatThrownBy(() -> ArgumentParser.parse(SYNC_NOW, List.of("--jsno")))
                .isInstanceOf(UsageException.class).hasMessageContaining("--jsno").hasMessageContaining("sync now");
        assertThatThrownBy(() -> ArgumentParser.parse(SYNC_NOW, List.of("-x")))
                .isInstanceOf(UsageException.class).hasMessageContaining("-x");
    }

    @Test
    void unknownOptionMessageNeverEchoesItsValue() {
        assertThatThrownBy(() -> ArgumentParser.parse(SYNC_NOW, List.of("--token=at_SENTINEL_1")))
                .isInstanceOf(UsageException.class).message().doesNotContain("SENTINEL");
    }

    @Test
    void missingValueIsAUsageError() {
        assertThatThrownBy(() -> ArgumentParser.parse(SYNC_NOW, List.of("--report")))
                .isInstanceOf(UsageException.class).hasMessage("option --report needs a value");
        assertThatThrownBy(() -> ArgumentParser.parse(SYNC_NOW, List.of("--report", "--json")))
                .isInstanceOf(UsageException.class).hasMessage("option --report needs a value");
    }

    @Test
    void flagWithAValueIsAUsageError() {
        assertThatThrownBy(() -> ArgumentParser.parse(SYNC_NOW, List.of("--json=yes")))
                .isInstanceOf(UsageException.class).hasMessageContaining("takes no value");
    }

    @Test
    void repeatedOptionIsAUsageError() {
        assertThatThrownBy(() -> ArgumentParser.parse(SYNC_NOW, List.of("--json", "--json")))
                .isInstanceOf(UsageException.class).hasMessageContaining("more than once");
    }

    @Test
    void argumentsOnlyWhereTheCommandAcceptsThem() {
        assertThatThrownBy(() -> ArgumentParser.parse(SYNC_NOW, List.of("extra")))
                .isInstanceOf(UsageException.class).hasMessageContaining("takes no argument 'extra'");

        SpecKittyCommand help = new TestCommand("help", true, List.of());
        ParsedInput input = ArgumentParser.parse(help, List.of("auth", "--", "--status"));
        assertThat(input.arguments()).extracting(CommandArgument::value).containsExactly("auth", "--status");
    }

    @Test
    void requiredOptionMustBeGiven() {
        SpecKittyCommand bind = new TestCommand("teamspace bind", false, List.of(CommandOption.with()
                .longName("team").description("team").type(String.class).required(true).build()));
        assertThatThrownBy(() -> ArgumentParser.parse(bind, List.of()))
                .isInstanceOf(UsageException.class).hasMessage("option --team TEAM is required");
        assertThat(options(ArgumentParser.parse(bind, List.of("--team", "t1")))).containsEntry("team", "t1");
    }

    static final class TestCommand extends SpecKittyCommand {
        private final boolean arguments;

        TestCommand(String name, boolean arguments, List<CommandOption> options) {
            super(name, "test command", "Test", options);
            this.arguments = arguments;
        }

        @Override
        public boolean acceptsArguments() {
            return arguments;
        }

        @Override
        public ExitStatus execute(CommandContext context) {
            return ExitStatus.OK;
        }
    }
}

package dev.speckitty.shell.command;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandOption;

/** Synopsis and option help text of a command. */
public final class CommandHelp {

    private CommandHelp() {}

    /** {@code auth status [--json]}. */
    public static String synopsis(Command command) {
        StringBuilder line = new StringBuilder(command.getName());
        for (CommandOption option : command.getOptions()) {
            line.append(" [--").append(option.longName());
            if (!OptionSpecs.isFlag(option)) {
                line.append(' ').append(option.longName().toUpperCase(java.util.Locale.ROOT));
            }
            line.append(']');
        }
        if (command instanceof SpecKittyCommand ours && !ours.argumentsSynopsis().isEmpty()) {
            line.append(' ').append(ours.argumentsSynopsis());
        }
        return line.toString();
    }

    /** Several lines: synopsis, description, one line per option. */
    public static String details(Command command) {
        StringBuilder text = new StringBuilder();
        text.append("Usage: spec-kitty ").append(synopsis(command)).append('\n');
        text.append('\n').append(command.getDescription()).append('\n');
        List<CommandOption> options = command.getOptions().stream()
                .sorted(Comparator.comparing(CommandOption::longName))
                .toList();
        if (!options.isEmpty()) {
            text.append("\nOptions:\n");
            text.append(options.stream()
                    .map(option -> String.format("  %-22s %s", optionLabel(option), option.description()))
                    .collect(Collectors.joining("\n")));
            text.append('\n');
        }
        return text.toString();
    }

    private static String optionLabel(CommandOption option) {
        String label = "--" + option.longName();
        if (option.shortName() != ' ' && option.shortName() != '\0') {
            label = "-" + option.shortName() + ", " + label;
        }
        return OptionSpecs.isFlag(option) ? label : label + " " + option.longName().toUpperCase(java.util.Locale.ROOT);
    }
}

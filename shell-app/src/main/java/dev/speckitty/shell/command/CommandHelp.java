package dev.speckitty.shell.command;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandOption;

/** Synopsis and option help of one command. */
public final class CommandHelp {

    private static final String USAGE = "Usage: spec-kitty ";
    private static final String HELP_LABEL = "-h, --help";

    private CommandHelp() {}

    /** {@code auth status [--json] [--short]}: required options without brackets, values by meaning. */
    public static String synopsis(Command command) {
        return String.join(" ", synopsisWords(command));
    }

    /** Several lines: the wrapped synopsis, the description, one line per option. */
    public static String details(Command command) {
        StringBuilder text = new StringBuilder();
        int indent = USAGE.length() + command.getName().length() + 1;
        text.append(USAGE).append(TextWrap.join(TextWrap.wrap(synopsisWords(command), USAGE.length(), indent), indent))
                .append("\n\n");
        text.append(TextWrap.block(command.getDescription(), 0, 0)).append('\n');
        List<CommandOption> options = command.getOptions().stream()
                .sorted(Comparator.comparing(CommandOption::longName))
                .toList();
        int width = Math.max(HELP_LABEL.length(),
                options.stream().mapToInt(option -> OptionSpecs.label(option).length()).max().orElse(0));
        text.append("\nOptions:\n");
        for (CommandOption option : options) {
            String description = option.description() + (OptionSpecs.isRequired(option) ? " (required)" : "");
            text.append(row(OptionSpecs.label(option), description, width));
        }
        text.append(row(HELP_LABEL, "Show this help", width));
        return text.toString();
    }

    /** {@code "  label   description"}, the description wrapped under itself. */
    static String row(String label, String description, int labelWidth) {
        int indent = 2 + labelWidth + 2;
        return "  " + label + " ".repeat(labelWidth - label.length() + 2)
                + TextWrap.block(description, indent, indent) + "\n";
    }

    private static List<String> synopsisWords(Command command) {
        List<String> words = new ArrayList<>();
        words.add(command.getName());
        for (CommandOption option : command.getOptions()) {
            String label = "--" + option.longName() + (OptionSpecs.isFlag(option) ? "" : " " + OptionSpecs.placeholder(option));
            words.add(OptionSpecs.isRequired(option) ? label : "[" + label + "]");
        }
        if (command instanceof SpecKittyCommand ours && !ours.argumentsSynopsis().isEmpty()) {
            words.add(ours.argumentsSynopsis());
        }
        return words;
    }
}

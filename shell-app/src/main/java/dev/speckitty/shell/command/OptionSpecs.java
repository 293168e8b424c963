package dev.speckitty.shell.command;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.shell.core.command.CommandOption;

/** Declarations of command options in Spring Shell's own model. */
public final class OptionSpecs {

    /** The option every command has: print exactly one JSON document, success or failure. */
    public static final String JSON = "json";

    /**
     * What a valued option's value is, for help and completion ({@code --report FILE}, not
     * {@code --report REPORT}). One table, so an option name means the same value in every command.
     */
    private static final Map<String, String> PLACEHOLDERS = Map.ofEntries(
            Map.entry("report", "FILE"),
            Map.entry("file", "FILE"),
            Map.entry("event-type", "TYPE"),
            Map.entry("event-id", "ID"),
            Map.entry("payload", "JSON"),
            Map.entry("provider", "PROVIDER"),
            Map.entry("binding-ref", "REF"),
            Map.entry("project-slug", "SLUG"),
            Map.entry("workspace", "DIR"),
            Map.entry("stuck-threshold", "SECONDS"));

    /** Options whose values are a closed set, for completion. */
    private static final Map<String, List<String>> KNOWN_VALUES = Map.of(
            "provider", List.of("linear", "jira", "github", "gitlab", "beads", "fp"));

    private OptionSpecs() {}

    /** The values an option can take when they are a closed set ({@code --provider}); else none. */
    public static List<String> knownValues(CommandOption option) {
        return KNOWN_VALUES.getOrDefault(option.longName(), List.of());
    }

    /** Options with a closed set of values, by long name. */
    public static Map<String, List<String>> knownValues() {
        return KNOWN_VALUES;
    }

    /** Whether a valued option names a file ({@code --report FILE}). */
    public static boolean takesFile(CommandOption option) {
        return !isFlag(option) && "FILE".equals(placeholder(option));
    }

    /** An option that takes no value ({@code --json}). */
    public static CommandOption flag(String longName, String description) {
        return CommandOption.with().longName(longName).description(description).type(boolean.class)
                .required(false).build();
    }

    /** A flag with a one-letter alias ({@code --force}, {@code -f}). */
    public static CommandOption flag(String longName, char shortName, String description) {
        return CommandOption.with().longName(longName).shortName(shortName).description(description)
                .type(boolean.class).required(false).build();
    }

    /** An option that needs a value ({@code --report FILE} or {@code --report=FILE}). */
    public static CommandOption valued(String longName, String description) {
        return CommandOption.with().longName(longName).description(description).type(String.class)
                .required(false).build();
    }

    /** A valued option the command cannot run without ({@code tracker bind --provider PROVIDER}). */
    public static CommandOption required(String longName, String description) {
        return CommandOption.with().longName(longName).description(description).type(String.class)
                .required(true).build();
    }

    public static boolean isFlag(CommandOption option) {
        return option.type() == boolean.class || option.type() == Boolean.class;
    }

    public static boolean isRequired(CommandOption option) {
        return Boolean.TRUE.equals(option.required());
    }

    /** The name of a valued option's value: {@code FILE} for {@code --report}. */
    public static String placeholder(CommandOption option) {
        String name = option.longName();
        return PLACEHOLDERS.getOrDefault(name, name.substring(name.lastIndexOf('-') + 1).toUpperCase(Locale.ROOT));
    }

    /** {@code --report FILE}, {@code -f, --force}. */
    public static String label(CommandOption option) {
        String label = "--" + option.longName() + (isFlag(option) ? "" : " " + placeholder(option));
        return hasShortName(option) ? "-" + option.shortName() + ", " + label : label;
    }

    public static boolean hasShortName(CommandOption option) {
        return option.shortName() != ' ' && option.shortName() != '\0';
    }
}

package dev.speckitty.shell.command;

import org.springframework.shell.core.command.CommandOption;

/** Declarations of command options in Spring Shell's own model. */
public final class OptionSpecs {

    private OptionSpecs() {}

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

    public static boolean isFlag(CommandOption option) {
        return option.type() == boolean.class || option.type() == Boolean.class;
    }
}

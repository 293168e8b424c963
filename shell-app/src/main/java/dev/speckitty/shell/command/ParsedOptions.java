package dev.speckitty.shell.command;

import java.util.Optional;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandOption;

/** Reads parsed option values inside a command body. */
public final class ParsedOptions {

    private ParsedOptions() {}

    public static boolean flag(CommandContext context, String longName) {
        return value(context, longName).map(Boolean::parseBoolean).orElse(false);
    }

    public static Optional<String> value(CommandContext context, String longName) {
        return context.parsedInput().options().stream()
                .filter(option -> longName.equals(option.longName()))
                .map(CommandOption::value)
                .findFirst();
    }
}

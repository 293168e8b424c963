package dev.speckitty.shell.runner;

import dev.speckitty.shell.command.UsageException;
import dev.speckitty.shell.command.OptionSpecs;
import dev.speckitty.shell.command.SpecKittyCommand;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandArgument;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.ParsedInput;

/**
 * Parses the words after a command name against that command's declared options. Flags
 * ({@code boolean} options) take no value ({@code --json}; {@code --no-json} sets false); other
 * options take {@code --name value} or {@code --name=value}; {@code --} ends the options.
 */
public final class ArgumentParser {

    private ArgumentParser() {}

    public static ParsedInput parse(Command command, List<String> rest) {
        String[] nameWords = command.getName().split(" ");
        ParsedInput.Builder input = ParsedInput.builder().commandName(nameWords[0]);
        for (int i = 1; i < nameWords.length; i++) {
            input.addSubCommand(nameWords[i]);
        }
        Set<String> seen = new HashSet<>();
        int argumentIndex = 0;
        boolean optionsEnded = false;
        for (int i = 0; i < rest.size(); i++) {
            String word = rest.get(i);
            if (!optionsEnded && word.equals("--")) {
                optionsEnded = true;
            } else if (!optionsEnded && word.startsWith("-") && word.length() > 1) {
                ParsedOption parsed = parseOption(command, word, rest, i);
                if (!seen.add(parsed.option().longName())) {
                    throw new UsageException("option --" + parsed.option().longName() + " given more than once");
                }
                input.addOption(parsed.option());
                i += parsed.wordsConsumed() - 1;
            } else {
                if (!acceptsArguments(command)) {
                    throw new UsageException("'" + command.getName() + "' takes no argument '" + word + "'");
                }
                input.addArgument(new CommandArgument(argumentIndex++, word));
            }
        }
        requireMandatoryOptions(command, seen);
        return input.build();
    }

    private record ParsedOption(CommandOption option, int wordsConsumed) {}

    private static ParsedOption parseOption(Command command, String word, List<String> rest, int index) {
        boolean isLong = word.startsWith("--");
        String body = word.substring(isLong ? 2 : 1);
        int equals = body.indexOf('=');
        String name = equals < 0 ? body : body.substring(0, equals);
        Optional<String> inlineValue = equals < 0 ? Optional.empty() : Optional.of(body.substring(equals + 1));

        Optional<CommandOption> declared = isLong ? findLong(command, name) : findShort(command, name);
        if (declared.isEmpty() && isLong && name.startsWith("no-") && inlineValue.isEmpty()) {
            Optional<CommandOption> negated = findLong(command, name.substring(3)).filter(OptionSpecs::isFlag);
            if (negated.isPresent()) {
                return new ParsedOption(withValue(negated.get(), "false"), 1);
            }
        }
        CommandOption option = declared.orElseThrow(() -> unknownOption(command, isLong, name));

        if (OptionSpecs.isFlag(option)) {
            String value = inlineValue.orElse("true");
            if (!value.equals("true") && !value.equals("false")) {
                throw new UsageException("option --" + option.longName() + " is a flag and takes no value");
            }
            return new ParsedOption(withValue(option, value), 1);
        }
        if (inlineValue.isPresent()) {
            return new ParsedOption(withValue(option, inlineValue.get()), 1);
        }
        if (index + 1 >= rest.size() || rest.get(index + 1).startsWith("--")) {
            throw new UsageException("option --" + option.longName() + " needs a value");
        }
        return new ParsedOption(withValue(option, rest.get(index + 1)), 2);
    }

    private static UsageException unknownOption(Command command, boolean isLong, String name) {
        List<String> known = command.getOptions().stream().map(CommandOption::longName).toList();
        List<String> hints = Suggestions.closest(name, known)
                .map(option -> List.of("Did you mean '--" + option + "'?"))
                .orElse(List.of());
        return new UsageException("unknown option '" + (isLong ? "--" : "-") + name + "' for '" + command.getName() + "'",
                hints, null);
    }

    private static Optional<CommandOption> findLong(Command command, String name) {
        return command.getOptions().stream().filter(option -> name.equals(option.longName())).findFirst();
    }

    private static Optional<CommandOption> findShort(Command command, String name) {
        if (name.length() != 1) {
            return Optional.empty();
        }
        return command.getOptions().stream().filter(option -> option.shortName() == name.charAt(0)).findFirst();
    }

    private static CommandOption withValue(CommandOption declared, String value) {
        return new CommandOption(declared.shortName(), declared.longName(), declared.description(),
                declared.required(), declared.defaultValue(), value, declared.type());
    }

    private static boolean acceptsArguments(Command command) {
        return command instanceof SpecKittyCommand ours && ours.acceptsArguments();
    }

    private static void requireMandatoryOptions(Command command, Set<String> seen) {
        command.getOptions().stream()
                .filter(option -> OptionSpecs.isRequired(option) && !seen.contains(option.longName()))
                .findFirst()
                .ifPresent(option -> {
                    throw new UsageException("option --" + option.longName() + " " + OptionSpecs.placeholder(option)
                            + " is required");
                });
    }
}

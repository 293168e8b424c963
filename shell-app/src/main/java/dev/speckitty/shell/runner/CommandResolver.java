package dev.speckitty.shell.runner;

import dev.speckitty.shell.command.SpecKittyCommand;
import dev.speckitty.shell.command.UsageException;
import java.util.List;
import java.util.Optional;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandRegistry;

/**
 * Finds the command named by the leading words: the longest registered name wins, so
 * {@code auth status --json} is the command {@code auth status} with the rest {@code --json}.
 */
final class CommandResolver {

    private final CommandRegistry registry;

    CommandResolver(CommandRegistry registry) {
        this.registry = registry;
    }

    CommandLine resolve(List<String> words) {
        int nameWords = leadingNonOptionWords(words);
        for (int length = nameWords; length > 0; length--) {
            Optional<Command> command = lookup(String.join(" ", words.subList(0, length)));
            // "auth statuss" must not read as the command "auth" with a stray argument.
            if (command.isPresent() && (length == nameWords || acceptsArguments(command.get()))) {
                return new CommandLine(command.get(), words.subList(length, words.size()));
            }
        }
        String attempted = String.join(" ", words.subList(0, Math.max(nameWords, 1)));
        throw new UsageException("unknown command '" + attempted + "'");
    }

    private static boolean acceptsArguments(Command command) {
        return command instanceof SpecKittyCommand ours && ours.acceptsArguments();
    }

    private Optional<Command> lookup(String name) {
        return registry.getCommands().stream()
                .filter(command -> command.getName().equals(name) || command.getAliases().contains(name))
                .findFirst();
    }

    private static int leadingNonOptionWords(List<String> words) {
        int count = 0;
        while (count < words.size() && !words.get(count).startsWith("-")) {
            count++;
        }
        return count;
    }
}

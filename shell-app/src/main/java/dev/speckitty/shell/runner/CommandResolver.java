package dev.speckitty.shell.runner;

import dev.speckitty.shell.command.CommandTree;
import dev.speckitty.shell.command.SpecKittyCommand;
import dev.speckitty.shell.command.UsageException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.shell.core.command.Command;

/**
 * Finds what the leading words name: the longest registered command name wins, so
 * {@code auth status --json} is the command {@code auth status} with the rest {@code --json};
 * words that name a group ({@code auth}) ask for its help. Anything else is a usage error that
 * suggests the nearest command.
 */
final class CommandResolver {

    /** What the leading words named. */
    sealed interface Resolution permits Resolved, Group {}

    /** A command and the words after its name. */
    record Resolved(Command command, List<String> rest) implements Resolution {}

    /** A group without a subcommand ({@code auth}, {@code auth --help}) and the words after it. */
    record Group(String name, List<String> rest) implements Resolution {}

    private final CommandTree tree;

    CommandResolver(CommandTree tree) {
        this.tree = tree;
    }

    Resolution resolve(List<String> words) {
        int nameWords = leadingNonOptionWords(words);
        for (int length = nameWords; length > 0; length--) {
            Optional<Command> command = tree.command(String.join(" ", words.subList(0, length)));
            // "auth statuss" must not read as the command "auth" with a stray argument.
            if (command.isPresent() && (length == nameWords || acceptsArguments(command.get()))) {
                return new Resolved(command.get(), words.subList(length, words.size()));
            }
        }
        String attempted = String.join(" ", words.subList(0, Math.max(nameWords, 1)));
        if (nameWords > 0 && tree.isGroup(attempted)) {
            return new Group(attempted, words.subList(nameWords, words.size()));
        }
        List<String> hints = suggestion(words.subList(0, nameWords))
                .map(name -> List.of("Did you mean '" + name + "'?"))
                .orElse(List.of());
        throw new UsageException("unknown command '" + attempted + "'", hints, deepestKnownPrefix(words, nameWords));
    }

    /** Corrects the words one by one against what may follow the part already known. */
    private Optional<String> suggestion(List<String> typed) {
        List<String> corrected = new ArrayList<>();
        boolean changed = false;
        for (String word : typed) {
            List<String> next = tree.nextWords(String.join(" ", corrected));
            if (next.contains(word)) {
                corrected.add(word);
                continue;
            }
            Optional<String> closest = Suggestions.closest(word, next);
            if (closest.isEmpty()) {
                break;
            }
            corrected.add(closest.get());
            changed = true;
        }
        String name = String.join(" ", corrected);
        boolean known = tree.command(name).isPresent() || tree.isGroup(name);
        return changed && known ? Optional.of(name) : Optional.empty();
    }

    /** The help to point to: that of the longest leading words naming a group or command. */
    private String deepestKnownPrefix(List<String> words, int nameWords) {
        for (int length = nameWords; length > 0; length--) {
            String prefix = String.join(" ", words.subList(0, length));
            if (tree.isGroup(prefix) || tree.command(prefix).isPresent()) {
                return prefix;
            }
        }
        return "";
    }

    private static boolean acceptsArguments(Command command) {
        return command instanceof SpecKittyCommand ours && ours.acceptsArguments();
    }

    private static int leadingNonOptionWords(List<String> words) {
        int count = 0;
        while (count < words.size() && !words.get(count).startsWith("-")) {
            count++;
        }
        return count;
    }
}

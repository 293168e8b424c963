package dev.speckitty.shell.runner;

import dev.speckitty.shell.command.CommandTree;
import dev.speckitty.shell.command.CompletionScripts;
import dev.speckitty.shell.command.OptionSpecs;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandRegistry;

/**
 * What Tab offers at the prompt, read from the command tree like help and the completion scripts:
 * command and group words (and {@code exit}, {@code quit}), then the command's options not given yet,
 * then the known values of the option just typed, or file names after an option that takes a file.
 * The line editor keeps the offers that match what is typed.
 */
final class ShellCompletion {

    /** The words to offer; {@code fileNames}: offer file names (from the line editor) instead. */
    record Offer(List<String> words, boolean fileNames) {
        static final Offer NOTHING = new Offer(List.of(), false);
    }

    private static final String PROGRAM = "spec-kitty";
    private static final String HELP = "help";

    private final CommandRegistry registry;

    ShellCompletion(CommandRegistry registry) {
        this.registry = registry;
    }

    /** {@code before}: the complete words before the one being typed. */
    Offer complete(List<String> before) {
        CommandTree tree = new CommandTree(registry);
        List<String> words = new ArrayList<>(before);
        if (!words.isEmpty() && words.getFirst().equals(PROGRAM)) {
            words.removeFirst();
        }
        boolean helpTopic = !words.isEmpty() && words.getFirst().equals(HELP);
        if (helpTopic) {
            words.removeFirst();
        }
        String name = "";
        int used = 0;
        while (used < words.size() && tree.nextWords(name).contains(words.get(used))) {
            name = name.isEmpty() ? words.get(used) : name + " " + words.get(used);
            used++;
        }
        Optional<Command> command = name.isEmpty() ? Optional.empty() : tree.command(name);
        if (command.isEmpty() || helpTopic) {
            if (used < words.size()) {
                return Offer.NOTHING; // an unknown word: nothing sensible follows it
            }
            List<String> next = new ArrayList<>(tree.nextWords(name));
            if (name.isEmpty() && !helpTopic) {
                next.addAll(InteractiveSession.EXIT_WORDS.stream().sorted().toList());
            }
            return new Offer(next, false);
        }
        return forCommand(command.get(), words.subList(used, words.size()));
    }

    private static Offer forCommand(Command command, List<String> given) {
        if (!given.isEmpty()) {
            Optional<CommandOption> valued = option(command, given.getLast()).filter(o -> !OptionSpecs.isFlag(o));
            if (valued.isPresent()) {
                List<String> values = OptionSpecs.knownValues(valued.get());
                return values.isEmpty() ? new Offer(List.of(), OptionSpecs.takesFile(valued.get()))
                        : new Offer(values, false);
            }
        }
        List<String> offers = new ArrayList<>();
        if (command.getName().equals("completion") && given.stream().noneMatch(CompletionScripts.shells()::contains)) {
            offers.addAll(CompletionScripts.shells());
        }
        for (CommandOption option : command.getOptions()) {
            String longName = "--" + option.longName();
            boolean alreadyGiven = given.contains(longName)
                    || OptionSpecs.hasShortName(option) && given.contains("-" + option.shortName());
            if (!alreadyGiven) {
                offers.add(longName);
            }
        }
        offers.add("--help");
        return new Offer(offers, false);
    }

    private static Optional<CommandOption> option(Command command, String word) {
        return command.getOptions().stream()
                .filter(option -> word.equals("--" + option.longName())
                        || OptionSpecs.hasShortName(option) && word.equals("-" + option.shortName()))
                .findFirst();
    }
}

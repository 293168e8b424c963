package dev.speckitty.shell.command;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandRegistry;

/**
 * The registered commands seen as a tree: {@code auth} is a group because {@code auth status} and
 * {@code auth login} exist while {@code auth} itself is no command. Help, suggestions and
 * completion all read the same tree, so a new command shows up everywhere at once.
 */
public final class CommandTree {

    private final CommandRegistry registry;
    private List<Command> commands; // every visible command, listed on first need

    public CommandTree(CommandRegistry registry) {
        this.registry = registry;
    }

    /** Every visible command, sorted by name. */
    public List<Command> commands() {
        if (commands == null) {
            commands = registry.getCommands().stream()
                    .filter(command -> !command.isHidden())
                    .sorted(Comparator.comparing(Command::getName))
                    .toList();
        }
        return commands;
    }

    /** The visible command of that name or alias; the registry builds that one command only. */
    public Optional<Command> command(String name) {
        return Optional.ofNullable(registry.getCommandByName(name)).filter(command -> !command.isHidden());
    }

    /** A group is a leading word shared by commands and not a command itself ({@code auth}). */
    public boolean isGroup(String name) {
        return command(name).isEmpty() && !commandsIn(name).isEmpty();
    }

    /** The commands directly below a group ({@code auth} → {@code auth login}, {@code auth status}...). */
    public List<Command> commandsIn(String group) {
        String prefix = group + " ";
        return commands().stream().filter(command -> command.getName().startsWith(prefix)).toList();
    }

    /** Top-level groups, in name order. */
    public List<String> groups() {
        Set<String> groups = new LinkedHashSet<>();
        for (Command command : commands()) {
            String name = command.getName();
            if (name.contains(" ")) {
                groups.add(name.substring(0, name.indexOf(' ')));
            }
        }
        return List.copyOf(groups);
    }

    /** The words that may follow {@code prefix} ({@code ""} → top-level words; {@code auth} → its subcommands). */
    public List<String> nextWords(String prefix) {
        Set<String> words = new LinkedHashSet<>();
        String start = prefix.isEmpty() ? "" : prefix + " ";
        for (Command command : commands()) {
            String name = command.getName();
            if (name.startsWith(start) && name.length() > start.length()) {
                String rest = name.substring(start.length());
                int space = rest.indexOf(' ');
                words.add(space < 0 ? rest : rest.substring(0, space));
            }
        }
        return new ArrayList<>(words);
    }
}

package dev.speckitty.shell.command;

import java.util.ArrayList;
import java.util.List;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandOption;

/**
 * Base of our Spring Shell commands: a name of one or more words ("auth status"), the declared
 * options (a {@code boolean} type marks a flag that takes no value) and whether free arguments are
 * allowed. The runner parses the command line against these declarations.
 */
public abstract class SpecKittyCommand implements Command {

    private final String name;
    private final String description;
    private final String group;
    private final List<CommandOption> options;

    protected SpecKittyCommand(String name, String description, String group, List<CommandOption> options) {
        this.name = name;
        this.description = description;
        this.group = group;
        this.options = withJson(options);
    }

    /**
     * The {@code --json} contract is declared here once: every command but the built-in ones takes it
     * and prints exactly one JSON document with it, success or failure.
     */
    private List<CommandOption> withJson(List<CommandOption> declared) {
        boolean present = declared.stream().anyMatch(option -> OptionSpecs.JSON.equals(option.longName()));
        if (present || HelpPages.BUILT_IN.equals(group)) {
            return List.copyOf(declared);
        }
        List<CommandOption> all = new ArrayList<>(declared);
        all.add(OptionSpecs.flag(OptionSpecs.JSON, "Print one JSON document (also on failure)"));
        return List.copyOf(all);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public String getGroup() {
        return group;
    }

    @Override
    public List<CommandOption> getOptions() {
        return options;
    }

    @Override
    public final List<String> getAliases() { // none: LazyCommandRegistry finds a command by its name alone
        return List.of();
    }

    @Override
    public String getHelp() {
        return CommandHelp.synopsis(this);
    }

    /** Free (positional) arguments, e.g. the command name after {@code help}. */
    public boolean acceptsArguments() {
        return false;
    }

    /** How the free arguments look in the synopsis, e.g. {@code [COMMAND...]}. */
    public String argumentsSynopsis() {
        return "";
    }
}

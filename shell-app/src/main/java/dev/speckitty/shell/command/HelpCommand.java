package dev.speckitty.shell.command;

import dev.speckitty.shell.command.UsageException;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandArgument;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.ExitStatus;

/** {@code help [COMMAND...]}: the command list, or one command's options. */
public final class HelpCommand extends SpecKittyCommand {

    public HelpCommand() {
        super("help", "List commands, or show one command's options", "Built-in", List.of());
    }

    @Override
    public boolean acceptsArguments() {
        return true;
    }

    @Override
    public String argumentsSynopsis() {
        return "[COMMAND...]";
    }

    @Override
    public ExitStatus execute(CommandContext context) {
        List<String> words = context.parsedInput().arguments().stream().map(CommandArgument::value).toList();
        PrintWriter out = context.outputWriter();
        if (words.isEmpty()) {
            out.print(overview(context));
        } else {
            String name = String.join(" ", words);
            Command command = find(context, name)
                    .orElseThrow(() -> new UsageException("no help for unknown command '" + name + "'"));
            out.print(CommandHelp.details(command));
        }
        out.flush();
        return ExitStatus.OK;
    }

    private static Optional<Command> find(CommandContext context, String name) {
        return context.commandRegistry().getCommands().stream().filter(c -> c.getName().equals(name)).findFirst();
    }

    private static String overview(CommandContext context) {
        List<Command> commands = context.commandRegistry().getCommands().stream()
                .filter(command -> !command.isHidden())
                .sorted(Comparator.comparing(Command::getName))
                .toList();
        StringBuilder text = new StringBuilder();
        text.append("spec-kitty: command-line client of the Spec Kitty hosted service\n\n");
        text.append("Usage: spec-kitty <command> [options]   (no command: interactive shell, 'exit' to leave)\n\n");
        text.append("Commands:\n");
        for (Command command : commands) {
            text.append(String.format("  %-28s %s", CommandHelp.synopsis(command), command.getDescription()))
                    .append('\n');
        }
        text.append("\nRun 'spec-kitty help <command>' or add --help for a command's options.\n");
        text.append("Exit codes: 0 ok, 1 command failed, 2 usage or internal error, "
                + "4 logged out on a connected Teamspace, 130 interrupted.\n");
        return text.toString();
    }
}

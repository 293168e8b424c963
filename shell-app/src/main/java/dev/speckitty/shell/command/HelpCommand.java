package dev.speckitty.shell.command;

import java.util.List;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.ExitStatus;

/**
 * {@code help [COMMAND...]}: the command list, a group's commands, or one command's options. The
 * runner answers it (it knows whether the line came from the prompt and suggests for unknown
 * topics); this body is the plain fallback for a caller that runs the command directly.
 */
public final class HelpCommand extends SpecKittyCommand {

    public HelpCommand() {
        super("help", "List commands, or show one command's options", HelpPages.BUILT_IN, List.of());
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
        String topic = String.join(" ", context.parsedInput().arguments().stream().map(a -> a.value()).toList());
        HelpPages pages = new HelpPages(new CommandTree(context.commandRegistry()), Surface.ONE_SHOT);
        context.outputWriter().print(pages.page(topic)
                .orElseThrow(() -> new UsageException("no help for unknown command '" + topic + "'")));
        context.outputWriter().flush();
        return ExitStatus.OK;
    }
}

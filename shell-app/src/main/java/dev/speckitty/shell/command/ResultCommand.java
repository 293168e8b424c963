package dev.speckitty.shell.command;

import java.util.List;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.ExitStatus;

/**
 * A command that computes a result and leaves its rendering to the runner: text, or with
 * {@code --json} exactly one JSON document, and the exit code mapped in one place. Commands that
 * stream output while they run (a prompt, progress lines) extend {@link SpecKittyCommand} instead.
 */
public abstract class ResultCommand extends SpecKittyCommand {

    protected ResultCommand(String name, String description, String group, List<CommandOption> options) {
        super(name, description, group, options);
    }

    /** Parses the options, drives the use case and returns its result; prints nothing. */
    public abstract Outcome<?> run(CommandContext context);

    /** Only the runner runs these, so that it can render the result (runner/CommandDispatcher). */
    @Override
    public final ExitStatus execute(CommandContext context) {
        throw new UnsupportedOperationException(getName() + " returns a result: run it through the runner");
    }
}

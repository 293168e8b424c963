package dev.speckitty.shell.runner;

import dev.speckitty.shell.command.CommandHelp;
import java.util.List;
import org.springframework.shell.core.InputReader;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.ExitStatus;
import org.springframework.shell.core.command.ParsedInput;

/**
 * Runs one command line (already split into words): resolve the command, parse its options,
 * execute it, and turn the outcome into an exit code. Failures are rendered on stderr here,
 * never in command bodies.
 */
public final class CommandDispatcher {

    private final CommandRegistry registry;
    private final CommandResolver resolver;
    private final TerminalStreams streams;
    private final ErrorRenderer errors;
    private final InputReader inputReader;

    public CommandDispatcher(CommandRegistry registry, TerminalStreams streams) {
        this.registry = registry;
        this.resolver = new CommandResolver(registry);
        this.streams = streams;
        this.errors = new ErrorRenderer(streams.err());
        this.inputReader = new StreamInputReader(streams);
    }

    public ExitCode dispatch(List<String> words) {
        String commandName = words.isEmpty() ? "" : words.getFirst();
        try {
            CommandLine line = resolver.resolve(words);
            commandName = line.command().getName();
            if (line.rest().contains("--help") || line.rest().contains("-h")) {
                streams.out().print(CommandHelp.details(line.command()));
                return ExitCode.OK;
            }
            ParsedInput input = ArgumentParser.parse(line.command(), line.rest());
            ExitStatus status = line.command().execute(new CommandContext(input, registry, streams.out(), inputReader));
            return ExitCodeMapper.fromStatusCode(status.code());
        } catch (Exception failure) { // broad-catch: last-resort guard turns any command failure into one stderr line
            streams.out().flush();
            errors.render(failure, commandName);
            if (failure instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return ExitCodeMapper.map(failure);
        } finally {
            streams.flush();
        }
    }
}

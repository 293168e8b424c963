package dev.speckitty.shell.runner;

import dev.speckitty.shell.command.CommandTree;
import dev.speckitty.shell.command.HelpCommand;
import dev.speckitty.shell.command.HelpPages;
import dev.speckitty.shell.command.OptionSpecs;
import dev.speckitty.shell.command.Outcome;
import dev.speckitty.shell.command.ParsedOptions;
import dev.speckitty.shell.command.ResultCommand;
import dev.speckitty.shell.command.Surface;
import dev.speckitty.shell.command.UsageException;
import dev.speckitty.shell.render.JsonOutput;
import dev.speckitty.shell.runner.CommandResolver.Group;
import dev.speckitty.shell.runner.CommandResolver.Resolution;
import dev.speckitty.shell.runner.CommandResolver.Resolved;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import org.springframework.shell.core.InputReader;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.ExitStatus;
import org.springframework.shell.core.command.ParsedInput;

/**
 * Runs one command line (already split into words): answer help requests, resolve the command,
 * parse its options, run it, render the result it returns (ResultRenderer) and turn how it ended
 * into an exit code. Failures are rendered on stderr here, never in command bodies.
 */
public final class CommandDispatcher {

    private static final Set<String> HELP_FLAGS = Set.of("--help", "-h");

    private final CommandRegistry registry;
    private final TerminalStreams streams;
    private final Surface surface;
    private final ErrorRenderer errors;
    private final ResultRenderer results;
    private final InputReader inputReader;

    public CommandDispatcher(CommandRegistry registry, TerminalStreams streams, Surface surface) {
        this.registry = registry;
        this.streams = streams;
        this.surface = surface;
        this.errors = new ErrorRenderer(streams.err(), surface);
        this.results = new ResultRenderer(streams.err());
        this.inputReader = new StreamInputReader(streams);
    }

    public ExitCode dispatch(List<String> words) {
        String topic = "";
        boolean json = JsonFailure.requested(words);
        streams.conversation().route(json);
        TrackingWriter tracked = new TrackingWriter(streams.out());
        PrintWriter out = new PrintWriter(tracked);
        try {
            // The registry fills after start-up; the tree is a cheap view of it.
            CommandTree tree = new CommandTree(registry);
            HelpPages help = new HelpPages(tree, surface);
            CommandResolver resolver = new CommandResolver(tree);
            if (!words.isEmpty() && HELP_FLAGS.contains(words.getFirst())) {
                return showHelp(resolver, help, words.subList(1, words.size()));
            }
            // Room for the other top-level flags (--version, -V) here.
            Resolution resolution = resolver.resolve(words);
            if (resolution instanceof Group group) {
                topic = group.name();
                if (!group.rest().stream().allMatch(HELP_FLAGS::contains)) {
                    throw new UsageException("'" + group.name() + "' needs one of its commands: "
                            + String.join(", ", tree.nextWords(group.name())));
                }
                streams.out().print(help.group(group.name()));
                return ExitCode.OK;
            }
            Resolved line = (Resolved) resolution;
            topic = line.command().getName();
            if (line.command() instanceof HelpCommand) {
                return showHelp(resolver, help, line.rest());
            }
            if (helpRequested(line.rest())) {
                streams.out().print(help.page(topic).orElseThrow());
                return ExitCode.OK;
            }
            ParsedInput input = ArgumentParser.parse(line.command(), line.rest());
            CommandContext context = new CommandContext(input, registry, out, inputReader);
            if (line.command() instanceof ResultCommand command) {
                Outcome<?> outcome = command.run(context);
                results.render(outcome, ParsedOptions.flag(context, OptionSpecs.JSON), out);
                Outcome.Ending ending = outcome.ending().get();
                return ended(ExitCode.of(ending.exit()), ending.reason(), json, tracked, out);
            }
            // A streaming command (a prompt, progress lines) prints as it goes and says how it ended.
            ExitStatus status = line.command().execute(context);
            return ended(ExitCodeMapper.fromStatusCode(status.code()), status.description(), json, tracked, out);
        } catch (Exception failure) { // broad-catch: last-resort guard turns any command failure into one stderr line
            out.flush();
            if (json && !tracked.written()) {
                JsonOutput.print(out, JsonFailure.of(failure, topic, surface));
            }
            errors.render(failure, topic);
            if (failure instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return ExitCodeMapper.map(failure);
        } finally {
            out.flush();
            streams.flush();
        }
    }

    /** The exit of a command that ran: under --json a failing exit without a document still prints one. */
    private ExitCode ended(ExitCode code, String description, boolean json, TrackingWriter tracked, PrintWriter out) {
        out.flush();
        if (json && code != ExitCode.OK && !tracked.written()) {
            JsonOutput.print(out, JsonFailure.of(code, description));
        } else if (code == ExitCode.INTERRUPTED) {
            // Ctrl-C at the prompt interrupts the command and the shell goes on: say what ended
            // ("Login cancelled by user."). A one-shot command does not get here: Ctrl-C ends its JVM.
            streams.err().println(description == null || description.isBlank() ? "Interrupted." : description);
        }
        return code;
    }

    /** {@code help [TOPIC...]} and {@code --help [TOPIC...]}: an unknown topic is an unknown command. */
    private ExitCode showHelp(CommandResolver resolver, HelpPages help, List<String> topicWords) {
        List<String> words = topicWords.stream().filter(word -> !HELP_FLAGS.contains(word)).toList();
        String page = words.isEmpty() ? help.overview() : switch (resolver.resolve(words)) {
            case Group group -> help.group(group.name());
            case Resolved resolved -> help.page(resolved.command().getName()).orElseThrow();
        };
        streams.out().print(page);
        return ExitCode.OK;
    }

    /** {@code --help} or {@code -h} among the options; a word after {@code --} is an argument. */
    private static boolean helpRequested(List<String> rest) {
        for (String word : rest) {
            if (word.equals("--")) {
                return false;
            }
            if (HELP_FLAGS.contains(word)) {
                return true;
            }
        }
        return false;
    }
}

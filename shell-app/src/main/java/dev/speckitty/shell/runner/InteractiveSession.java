package dev.speckitty.shell.runner;

import dev.speckitty.shell.command.UsageException;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * The {@code spec-kitty>} prompt: reads lines until {@code exit}, {@code quit} or end of input and
 * dispatches each one. A failing command is reported and the shell goes on.
 */
final class InteractiveSession {

    static final String PROMPT = "spec-kitty> ";
    private static final Set<String> EXIT_WORDS = Set.of("exit", "quit");

    private final CommandDispatcher dispatcher;
    private final TerminalStreams streams;
    private final ErrorRenderer errors;

    InteractiveSession(CommandDispatcher dispatcher, TerminalStreams streams) {
        this.dispatcher = dispatcher;
        this.streams = streams;
        this.errors = new ErrorRenderer(streams.err());
    }

    ExitCode run() throws IOException {
        while (true) {
            streams.out().print(PROMPT);
            streams.out().flush();
            String line = streams.in().readLine();
            if (line == null) {
                streams.out().println();
                return ExitCode.OK;
            }
            List<String> words;
            try {
                words = LineTokenizer.tokenize(line);
            } catch (UsageException badQuoting) {
                errors.render(badQuoting, "");
                continue;
            }
            if (words.isEmpty()) {
                continue;
            }
            if (words.size() == 1 && EXIT_WORDS.contains(words.getFirst())) {
                return ExitCode.OK;
            }
            dispatcher.dispatch(words);
        }
    }
}

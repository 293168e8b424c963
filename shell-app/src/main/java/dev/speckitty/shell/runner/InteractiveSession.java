package dev.speckitty.shell.runner;

import dev.speckitty.shell.command.Surface;
import dev.speckitty.shell.command.UsageException;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * The {@code spec-kitty>} prompt: reads lines until {@code exit}, {@code quit} or end of input and
 * dispatches each one. A failing command is reported and the shell goes on. When the input is not
 * a terminal (a script piped in) no prompt is written, and the session ends with the exit code of
 * the last command that failed, so a script's failure is not lost.
 */
final class InteractiveSession {

    static final String PROMPT = "spec-kitty> ";
    private static final String PROGRAM = "spec-kitty";
    private static final Set<String> EXIT_WORDS = Set.of("exit", "quit");

    private final CommandDispatcher dispatcher;
    private final TerminalStreams streams;
    private final ErrorRenderer errors;
    private final boolean terminal;

    InteractiveSession(CommandDispatcher dispatcher, TerminalStreams streams, boolean terminal) {
        this.dispatcher = dispatcher;
        this.streams = streams;
        this.errors = new ErrorRenderer(streams.err(), Surface.SHELL);
        this.terminal = terminal;
    }

    ExitCode run() throws IOException {
        ExitCode lastFailure = ExitCode.OK;
        while (true) {
            if (terminal) {
                streams.out().print(PROMPT);
                streams.out().flush();
            }
            String line = streams.in().readLine();
            if (line == null) {
                if (terminal) {
                    streams.out().println(); // Ctrl-D: leave the terminal on a fresh line
                }
                return terminal ? ExitCode.OK : lastFailure;
            }
            List<String> words;
            try {
                words = LineTokenizer.tokenize(line);
            } catch (UsageException badQuoting) {
                errors.render(badQuoting, "");
                lastFailure = ExitCode.USAGE_OR_INTERNAL;
                continue;
            }
            if (!words.isEmpty() && words.getFirst().equals(PROGRAM)) { // a line pasted from a hint or a script
                words = words.subList(1, words.size());
            }
            if (words.isEmpty()) {
                continue;
            }
            if (words.size() == 1 && EXIT_WORDS.contains(words.getFirst())) {
                return terminal ? ExitCode.OK : lastFailure;
            }
            ExitCode code = dispatcher.dispatch(words);
            if (code != ExitCode.OK) {
                lastFailure = code;
            }
        }
    }
}

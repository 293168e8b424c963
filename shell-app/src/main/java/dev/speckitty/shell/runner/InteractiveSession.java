package dev.speckitty.shell.runner;

import dev.speckitty.shell.command.Surface;
import dev.speckitty.shell.command.UsageException;
import dev.speckitty.shell.settings.CliVersion;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * The {@code spec-kitty>} prompt: reads lines until {@code exit}, {@code quit} or end of input and
 * dispatches each one. A failing command is reported and the shell goes on. On a terminal a
 * one-line banner comes first (on stderr: stdout carries only command output). When the input is
 * not a terminal (a script piped in) neither banner nor prompt is written, and the session ends
 * with the exit code of the last command that failed, so a script's failure is not lost.
 */
final class InteractiveSession {

    static final String PROMPT = "spec-kitty> ";
    private static final String PROGRAM = "spec-kitty";
    static final Set<String> EXIT_WORDS = Set.of("exit", "quit");

    private final CommandDispatcher dispatcher;
    private final TerminalStreams streams;
    private final ShellInput input;
    private final ErrorRenderer errors;
    private final boolean terminal;

    InteractiveSession(CommandDispatcher dispatcher, TerminalStreams streams, ShellInput input, boolean terminal) {
        this.dispatcher = dispatcher;
        this.streams = streams;
        this.input = input;
        this.errors = new ErrorRenderer(streams.err(), Surface.SHELL);
        this.terminal = terminal;
    }

    /** {@code spec-kitty 0.1.0 interactive shell. Type 'help' ...}: the version only when the jar says it. */
    static String banner(String version) {
        String name = version == null || version.isBlank() || version.equals("unknown") ? PROGRAM
                : PROGRAM + " " + version;
        return name + " interactive shell. Type 'help' for commands, Tab to complete, 'exit' or Ctrl-D to leave.";
    }

    ExitCode run() throws IOException {
        if (terminal) {
            streams.err().println(banner(CliVersion.current()));
            streams.err().flush();
        }
        ExitCode lastFailure = ExitCode.OK;
        while (true) {
            String line = input.readLine();
            if (line == null) { // the input left the terminal on a fresh line
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
            List<String> command = words;
            ExitCode code = input.run(() -> dispatcher.dispatch(command));
            if (code != ExitCode.OK) {
                lastFailure = code;
            }
        }
    }
}

package dev.speckitty.shell.runner;

import java.io.IOException;
import java.util.function.Supplier;

/**
 * Where the interactive shell gets its lines: a plain reader (a script piped in, or no line editor
 * available) or the line editor on a terminal ({@link JLineSession}).
 */
interface ShellInput extends AutoCloseable {

    /**
     * The next line; {@code ""} when the line was cancelled (Ctrl-C); {@code null} at end of input
     * (Ctrl-D), after leaving a terminal on a fresh line.
     */
    String readLine() throws IOException;

    /** Runs one command; a line editor lets Ctrl-C interrupt it and come back to the prompt. */
    default ExitCode run(Supplier<ExitCode> command) {
        return command.get();
    }

    @Override
    default void close() {}
}

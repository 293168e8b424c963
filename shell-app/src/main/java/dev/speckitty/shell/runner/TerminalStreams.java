package dev.speckitty.shell.runner;

import dev.speckitty.shell.render.Colour;
import dev.speckitty.shell.render.SymbolColouringWriter;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;

/**
 * Where the shell reads and writes: stdout carries command output and the {@link Conversation} of a
 * text line, stderr everything else.
 * Both pass a {@link TerminalSafeWriter}, so no control character from outside data reaches the
 * terminal. Tests pass in-memory streams.
 */
public record TerminalStreams(PrintWriter out, PrintWriter err, BufferedReader in, Conversation conversation) {

    /** With a {@link Conversation} over these two writers. */
    public TerminalStreams(PrintWriter out, PrintWriter err, BufferedReader in) {
        this(out, err, in, Conversation.over(out, err));
    }

    public static TerminalStreams system() {
        boolean colour = Colour.enabled(System.getenv(), System.console() != null);
        return new TerminalStreams(writer(System.out, colour), writer(System.err, colour),
                new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset())));
    }

    private static PrintWriter writer(PrintStream stream, boolean colour) {
        Writer plain = new BufferedWriter(new OutputStreamWriter(stream, stream.charset()));
        // Sanitised first, coloured after: our own colour codes must pass the backstop untouched.
        return terminalSafe(colour ? new SymbolColouringWriter(plain) : plain);
    }

    /** {@code terminal} behind the sanitising backstop; what the in-memory test streams use too. */
    public static PrintWriter terminalSafe(Writer terminal) {
        return new PrintWriter(new TerminalSafeWriter(terminal), false);
    }

    public void flush() {
        conversation.flush();
        out.flush();
        err.flush();
    }
}

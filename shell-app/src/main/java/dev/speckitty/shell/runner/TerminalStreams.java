package dev.speckitty.shell.runner;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * Where the shell reads and writes: stdout carries only command output, stderr everything else.
 * Tests pass in-memory streams.
 */
public record TerminalStreams(PrintWriter out, PrintWriter err, BufferedReader in) {

    public static TerminalStreams system() {
        return new TerminalStreams(writer(System.out), writer(System.err),
                new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset())));
    }

    private static PrintWriter writer(PrintStream stream) {
        return new PrintWriter(stream, false, stream.charset());
    }

    public void flush() {
        out.flush();
        err.flush();
    }
}

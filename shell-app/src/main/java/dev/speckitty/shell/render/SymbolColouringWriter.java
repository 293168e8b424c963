package dev.speckitty.shell.render;

import java.io.IOException;
import java.io.Writer;

/**
 * Colours the status symbol that starts a human line, and nothing else: {@code + } green,
 * {@code X } red, {@code ! } yellow, {@code i } cyan. One family of symbols, so a script reading
 * {@code NO_COLOR} output and a person reading a terminal see the same words. JSON lines never start
 * with a symbol and a space, so they pass through untouched.
 */
public final class SymbolColouringWriter extends Writer {

    private static final String RESET = "\u001b[0m";

    private final Writer target;
    private boolean lineStart = true;
    private char pending;

    public SymbolColouringWriter(Writer target) {
        this.target = target;
    }

    @Override
    public void write(char[] buffer, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            write(buffer[i]);
        }
    }

    private void write(char c) throws IOException {
        if (pending != 0) {
            if (c == ' ') {
                target.write(colourOf(pending) + pending + RESET);
            } else {
                target.write(pending);
            }
            pending = 0;
        } else if (lineStart && colourOf(c) != null) {
            pending = c;
            lineStart = false;
            return;
        }
        target.write(c);
        lineStart = c == '\n';
    }

    private static String colourOf(char symbol) {
        return switch (symbol) {
            case '+' -> "\u001b[32m";
            case 'X' -> "\u001b[31m";
            case '!' -> "\u001b[33m";
            case 'i' -> "\u001b[36m";
            default -> null;
        };
    }

    @Override
    public void flush() throws IOException {
        target.flush();
    }

    @Override
    public void close() throws IOException {
        if (pending != 0) {
            target.write(pending);
            pending = 0;
        }
        target.close();
    }
}

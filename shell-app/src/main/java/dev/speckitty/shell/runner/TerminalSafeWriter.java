package dev.speckitty.shell.runner;

import dev.speckitty.domain.text.UntrustedText;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * The last step before the terminal: everything written passes {@link UntrustedText#layout}, so no
 * ESC, BEL, C1 or bidi control from outside data reaches stdout or stderr, whichever renderer
 * forgot a field. Our own line feeds, tabs and the countdown's carriage return pass. Single-line
 * fields are escaped where they are rendered ({@link UntrustedText#line}); this is the backstop.
 */
final class TerminalSafeWriter extends FilterWriter {

    // a high surrogate at the end of one write waits for its low half, so no pair is judged in halves
    private char pendingHigh;

    TerminalSafeWriter(Writer terminal) {
        super(terminal);
    }

    @Override
    public void write(int c) throws IOException {
        write(String.valueOf((char) c), 0, 1);
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        write(new String(chars, offset, length), 0, length);
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        if (length <= 0) {
            return;
        }
        String chunk = text.substring(offset, offset + length);
        if (pendingHigh != 0) {
            chunk = pendingHigh + chunk;
            pendingHigh = 0;
        }
        char last = chunk.charAt(chunk.length() - 1);
        if (Character.isHighSurrogate(last)) {
            pendingHigh = last;
            chunk = chunk.substring(0, chunk.length() - 1);
        }
        String safe = UntrustedText.layout(chunk);
        out.write(safe, 0, safe.length());
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (pendingHigh != 0) {
            out.write(pendingHigh);
            pendingHigh = 0;
        }
        out.close();
    }
}

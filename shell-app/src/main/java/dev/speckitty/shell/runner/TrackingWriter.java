package dev.speckitty.shell.runner;

import java.io.PrintWriter;
import java.io.Writer;

/** A command's stdout that remembers whether anything was written, so a failure document is never a second one. */
final class TrackingWriter extends Writer {

    private final PrintWriter target;
    private volatile boolean written;

    TrackingWriter(PrintWriter target) {
        this.target = target;
    }

    boolean written() {
        return written;
    }

    @Override
    public void write(char[] buffer, int offset, int length) {
        if (length > 0) {
            written = true;
        }
        target.write(buffer, offset, length);
    }

    @Override
    public void flush() {
        target.flush();
    }

    @Override
    public void close() {
        target.flush(); // the process's stdout stays open for the next command
    }
}

package dev.speckitty.shell.runner;

import java.io.PrintWriter;
import java.io.Writer;

/**
 * Where a command talks to the person while it runs (the login URL and device code, the logged-out
 * panel and its prompt): stdout, where the reference CLI prints them (docs/spec/behaviour.md §1:
 * what the console prints goes to stdout), or stderr for a line with {@code --json}, whose stdout
 * carries exactly one JSON document. The dispatcher routes it for each command line.
 */
public final class Conversation extends PrintWriter {

    private final Route route;

    private Conversation(Route route) {
        super(route, false);
        this.route = route;
    }

    static Conversation over(PrintWriter out, PrintWriter err) {
        return new Conversation(new Route(out, err));
    }

    /** What follows goes to stderr when the line asked for {@code --json}, else to stdout. */
    void route(boolean jsonRequested) {
        flush();
        route.json = jsonRequested;
    }

    private static final class Route extends Writer {
        private final PrintWriter out;
        private final PrintWriter err;
        private volatile boolean json;

        Route(PrintWriter out, PrintWriter err) {
            this.out = out;
            this.err = err;
        }

        private PrintWriter target() {
            return json ? err : out;
        }

        @Override
        public void write(char[] buffer, int offset, int length) {
            target().write(buffer, offset, length);
        }

        @Override
        public void flush() {
            target().flush();
        }

        /** The streams stay open: they are the process's stdout and stderr. */
        @Override
        public void close() {
            flush();
        }
    }
}

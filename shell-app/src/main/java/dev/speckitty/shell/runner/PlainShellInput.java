package dev.speckitty.shell.runner;

import java.io.IOException;

/** Lines from our input stream, with the prompt written only when a person is typing. */
final class PlainShellInput implements ShellInput {

    private final TerminalStreams streams;
    private final boolean showPrompt;

    PlainShellInput(TerminalStreams streams, boolean showPrompt) {
        this.streams = streams;
        this.showPrompt = showPrompt;
    }

    @Override
    public String readLine() throws IOException {
        if (showPrompt) {
            streams.out().print(InteractiveSession.PROMPT);
            streams.out().flush();
        }
        String line = streams.in().readLine();
        if (line == null && showPrompt) {
            streams.out().println(); // Ctrl-D: leave the terminal on a fresh line
            streams.out().flush(); // nothing flushes stdout as the JVM exits
        }
        return line;
    }
}

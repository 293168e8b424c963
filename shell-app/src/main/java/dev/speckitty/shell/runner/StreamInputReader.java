package dev.speckitty.shell.runner;

import java.io.IOException;
import org.springframework.shell.core.InputReader;

/** Lets a command ask a question on our streams (no JLine). */
final class StreamInputReader implements InputReader {

    private final TerminalStreams streams;

    StreamInputReader(TerminalStreams streams) {
        this.streams = streams;
    }

    @Override
    public String readInput(String prompt) throws IOException {
        streams.err().print(prompt);
        streams.err().flush();
        String line = streams.in().readLine();
        return line == null ? "" : line;
    }

    @Override
    public String readInput() throws IOException {
        return readInput("");
    }
}

package dev.speckitty.shell.runner;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.reader.impl.completer.FileNameCompleter;
import org.jline.reader.impl.history.DefaultHistory;
import org.jline.terminal.Terminal;
import org.jline.terminal.Terminal.Signal;
import org.jline.terminal.TerminalBuilder;

/**
 * The prompt on a terminal, edited with JLine: arrows and the usual editing keys, history (Up, and
 * {@link ShellHistory} on disk), Tab completion ({@link ShellCompletion}), Ctrl-C cancels the line
 * being typed or interrupts the running command and comes back to the prompt, Ctrl-D on an empty
 * line ends the session.
 *
 * <p>The only class that names JLine. It is loaded when the shell opens on a terminal and never for
 * a one-shot command or a piped script, which keeps JLine's start-up cost (~0.4 s) off those paths.
 */
final class JLineSession implements ShellInput {

    private final Terminal terminal;
    private final LineReader reader;
    private final ShellHistory history;
    private final TerminalStreams streams;
    private final Object commandLock = new Object();
    private Thread runningCommand; // guarded by commandLock
    private boolean historyTroubleReported;

    private JLineSession(Terminal terminal, LineReader reader, ShellHistory history, TerminalStreams streams) {
        this.terminal = terminal;
        this.reader = reader;
        this.history = history;
        this.streams = streams;
    }

    /** The line editor on this process's terminal, or empty when none can be opened (plain lines then). */
    static Optional<ShellInput> open(TerminalStreams streams, ShellCompletion completion, ShellHistory history) {
        Terminal terminal;
        try {
            // FFM (JDK 22+) reaches the terminal without a native library; exec (stty) is the fallback.
            // dumb(false): no silent dumb terminal and no warning about one; we fall back ourselves.
            terminal = TerminalBuilder.builder().system(true).name("spec-kitty").providers("ffm,exec")
                    .dumb(false).build();
        } catch (IOException | RuntimeException | LinkageError noTerminal) { // broad-catch: any terminal that cannot be opened means plain lines
            return Optional.empty();
        }
        DefaultParser parser = new DefaultParser();
        parser.setEofOnUnclosedQuote(false); // our tokenizer reports the bad quote; no continuation prompt
        LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("spec-kitty")
                .parser(parser)
                .completer(completer(completion))
                .history(new DefaultHistory()) // in memory; ShellHistory keeps the file
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true) // '!' is an ordinary character
                .option(LineReader.Option.HISTORY_IGNORE_SPACE, true)
                .option(LineReader.Option.INSERT_TAB, false)
                .build();
        JLineSession session = new JLineSession(terminal, reader, history, streams);
        session.loadHistory();
        terminal.handle(Signal.INT, signal -> session.interruptCommand());
        return Optional.of(session);
    }

    private static Completer completer(ShellCompletion completion) {
        FileNameCompleter files = new FileNameCompleter();
        return (lineReader, parsed, candidates) -> {
            ShellCompletion.Offer offer = completion.complete(parsed.words().subList(0, parsed.wordIndex()));
            offer.words().forEach(word -> candidates.add(new Candidate(word)));
            if (offer.fileNames()) {
                files.complete(lineReader, parsed, candidates);
            }
        };
    }

    @Override
    public String readLine() {
        String line;
        try {
            line = reader.readLine(InteractiveSession.PROMPT);
        } catch (UserInterruptException cancelled) { // Ctrl-C: drop the line, prompt again
            return "";
        } catch (EndOfFileException endOfInput) { // Ctrl-D on an empty line
            if (dumb()) { // JLine ends the line itself, except on a dumb terminal
                terminal.writer().println();
                terminal.flush();
            }
            return null;
        }
        save(line);
        return line;
    }

    /** Ctrl-C while a command runs interrupts it (a login ends "cancelled", exit 130) and the prompt returns. */
    @Override
    public ExitCode run(Supplier<ExitCode> command) {
        synchronized (commandLock) {
            runningCommand = Thread.currentThread();
        }
        try {
            return command.get();
        } finally {
            synchronized (commandLock) {
                runningCommand = null;
                Thread.interrupted(); // a Ctrl-C that came as the command ended must not hit the next prompt
            }
        }
    }

    private boolean dumb() {
        return Terminal.TYPE_DUMB.equals(terminal.getType()) || Terminal.TYPE_DUMB_COLOR.equals(terminal.getType());
    }

    private void interruptCommand() {
        synchronized (commandLock) {
            if (runningCommand != null) {
                runningCommand.interrupt();
            }
        }
    }

    private void loadHistory() {
        try {
            List<String> lines = history.load();
            lines.forEach(line -> reader.getHistory().add(Instant.EPOCH, line));
        } catch (IOException unreadable) {
            reportHistoryTrouble(unreadable);
        }
    }

    private void save(String line) {
        try {
            history.record(line);
        } catch (IOException unwritable) {
            reportHistoryTrouble(unwritable);
        }
    }

    /** Once per session: the shell works without a history file, but the user should know why Up forgets. */
    private void reportHistoryTrouble(IOException trouble) {
        if (!historyTroubleReported) {
            historyTroubleReported = true;
            streams.err().println("! History is not kept: " + history.file() + " ("
                    + trouble.getClass().getSimpleName() + ")");
            streams.err().flush();
        }
    }

    @Override
    public void close() {
        try {
            terminal.close(); // restores the terminal's modes and the JVM's signal handlers
        } catch (IOException alreadyGone) {
            // the terminal went away (window closed): nothing left to restore
        }
    }
}

package dev.speckitty.shell.runner;

import dev.speckitty.shell.command.Surface;
import dev.speckitty.shell.command.version.VersionCommand;
import dev.speckitty.shell.hardening.ProcessHardening;
import java.io.IOException;
import java.util.ArrayList;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.springframework.shell.core.ShellRunner;
import org.springframework.shell.core.command.CommandRegistry;

/**
 * Chooses at run time: with arguments, run that one command and remember its exit code; without,
 * open the interactive shell. Replaces Spring Shell's stock runners, whose parser needs a value for
 * every option and whose non-interactive mode exits 0 on errors.
 */
public final class SpecKittyShellRunner implements ShellRunner {

    private final CommandRegistry registry;
    private final TerminalStreams streams;
    private final boolean inputIsTerminal;
    private final Path runtimeRoot;
    private volatile ExitCode exitCode = ExitCode.OK;

    public SpecKittyShellRunner(CommandRegistry registry, TerminalStreams streams) {
        this(registry, streams, false);
    }

    /**
     * {@code inputIsTerminal}: a person types at the prompt (it is shown), rather than a script piped
     * in. The shell reads plain lines: the line editor needs the real terminal (constructor below).
     */
    public SpecKittyShellRunner(CommandRegistry registry, TerminalStreams streams, boolean inputIsTerminal) {
        this(registry, streams, inputIsTerminal, null);
    }

    /**
     * With a {@code runtimeRoot} (where the history file goes) and input from a terminal, the shell
     * opens the line editor on the process's own terminal ({@link JLineSession}).
     */
    public SpecKittyShellRunner(CommandRegistry registry, TerminalStreams streams, boolean inputIsTerminal,
            Path runtimeRoot) {
        this.registry = registry;
        this.streams = streams;
        this.inputIsTerminal = inputIsTerminal;
        this.runtimeRoot = runtimeRoot;
    }

    @Override
    public void run(String[] args) {
        ProcessHardening.awaitApplied(); // no token in memory of a dumpable process
        exitCode = args.length == 0 ? interactive()
                : new CommandDispatcher(registry, streams, Surface.ONE_SHOT).dispatch(commandWords(List.of(args)));
    }

    /** {@code --version} / {@code -V} in first place is the {@code version} command. */
    private static List<String> commandWords(List<String> args) {
        if (!VersionCommand.FLAGS.contains(args.getFirst())) {
            return args;
        }
        List<String> words = new ArrayList<>(args);
        words.set(0, VersionCommand.NAME);
        return words;
    }

    private ExitCode interactive() {
        try (ShellInput input = openInput()) {
            return new InteractiveSession(new CommandDispatcher(registry, streams, Surface.SHELL), streams, input,
                    inputIsTerminal).run();
        } catch (IOException unreadableInput) {
            streams.err().println("spec-kitty: cannot read input (" + unreadableInput.getClass().getSimpleName() + ")");
            streams.err().flush();
            return ExitCode.USAGE_OR_INTERNAL;
        }
    }

    /**
     * The line editor only on a terminal: JLine's classes (~0.4 s to load) are touched nowhere else,
     * so one-shot commands and piped scripts never load them. If it cannot open, plain lines.
     */
    private ShellInput openInput() {
        if (inputIsTerminal && runtimeRoot != null) {
            Optional<ShellInput> editor = JLineSession.open(streams, new ShellCompletion(registry),
                    ShellHistory.under(runtimeRoot));
            if (editor.isPresent()) {
                return editor.get();
            }
        }
        return new PlainShellInput(streams, inputIsTerminal);
    }

    /** The exit code of the last {@link #run}. */
    public ExitCode exitCode() {
        return exitCode;
    }
}

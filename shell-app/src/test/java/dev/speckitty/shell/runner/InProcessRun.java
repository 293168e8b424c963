package dev.speckitty.shell.runner;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import org.springframework.shell.core.command.CommandRegistry;

/** One command line through the real runner, in this JVM: stdout and stderr into the writers given, no stdin. */
final class InProcessRun {

    private InProcessRun() {}

    /** Empties {@code out} and {@code err}, runs {@code line} (words split on spaces) and returns its exit code. */
    static ExitCode run(CommandRegistry registry, StringWriter out, StringWriter err, String line) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        SpecKittyShellRunner runner = new SpecKittyShellRunner(registry, new TerminalStreams(new PrintWriter(out),
                new PrintWriter(err), new BufferedReader(new StringReader(""))));
        runner.run(line.split(" "));
        return runner.exitCode();
    }
}

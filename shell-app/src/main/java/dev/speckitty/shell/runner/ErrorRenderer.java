package dev.speckitty.shell.runner;

import dev.speckitty.shell.command.CommandFailedException;
import dev.speckitty.shell.command.UsageException;
import dev.speckitty.domain.port.LocalFileException;
import dev.speckitty.domain.session.SessionStorageException;
import java.io.PrintWriter;

/**
 * Renders what escaped a command as short lines on stderr: never a stack trace, never an
 * exception message we do not own (it could carry a server body or a token), only our own
 * messages and the type name of anything unexpected.
 */
public final class ErrorRenderer {

    static final String HELP_HINT = "Run 'spec-kitty help' to list commands and options.";

    private final PrintWriter err;

    public ErrorRenderer(PrintWriter err) {
        this.err = err;
    }

    public void render(Throwable failure, String commandName) {
        switch (failure) {
            case UsageException usage -> {
                err.println("spec-kitty: " + usage.getMessage());
                err.println(HELP_HINT);
            }
            case CommandFailedException failed -> {
                err.println(failed.getMessage());
                failed.hints().forEach(err::println);
            }
            // Storage messages are safe by contract: they name paths and modes only.
            case SessionStorageException storage -> err.println(storage.getMessage());
            // So are broken-local-file messages (queue, config.yaml, refresh lock): path and next step.
            case LocalFileException localFile -> err.println("spec-kitty: " + localFile.getMessage());
            case InterruptedException interrupted -> err.println("Interrupted.");
            default -> err.println("spec-kitty: internal error in '" + commandName + "' ("
                    + failure.getClass().getSimpleName() + ")");
        }
        err.flush();
    }
}

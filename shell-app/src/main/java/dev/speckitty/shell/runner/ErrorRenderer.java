package dev.speckitty.shell.runner;

import dev.speckitty.shell.command.CommandFailedException;
import dev.speckitty.shell.command.Surface;
import dev.speckitty.shell.command.UsageException;
import dev.speckitty.domain.hosted.HostedUnavailableException;
import dev.speckitty.domain.port.LocalFileException;
import dev.speckitty.domain.session.SessionStorageException;
import java.io.PrintWriter;

/**
 * Renders what escaped a command as short lines on stderr: never a stack trace, never an
 * exception message we do not own (it could carry a server body or a token), only our own
 * messages and the type name of anything unexpected. A usage error points to the help of the
 * command it concerns, in the terms of where it was typed.
 */
public final class ErrorRenderer {

    private final PrintWriter err;
    private final Surface surface;

    public ErrorRenderer(PrintWriter err, Surface surface) {
        this.err = err;
        this.surface = surface;
    }

    /** {@code topic}: the command (or group) being run, {@code ""} when none was recognised. */
    public void render(Throwable failure, String topic) {
        switch (failure) {
            case UsageException usage -> {
                err.println(surface.errorPrefix() + usage.getMessage());
                usage.hints().forEach(err::println);
                err.println(surface.helpHint(usage.topic().orElse(topic)));
            }
            case CommandFailedException failed -> {
                err.println(failed.getMessage());
                failed.hints().forEach(err::println);
            }
            // No usable hosted URL, noticed by a hosted port: the words of the command that checks first.
            case HostedUnavailableException noServer -> render(CommandFailedException.of(noServer.address()), topic);
            // Storage messages are safe by contract: they name paths and modes only.
            case SessionStorageException storage -> err.println(storage.getMessage());
            // So are broken-local-file messages (queue, config.yaml, refresh lock): path and next step.
            case LocalFileException localFile -> err.println("spec-kitty: " + localFile.getMessage());
            case InterruptedException interrupted -> err.println("Interrupted.");
            default -> err.println(surface.errorPrefix() + "internal error in '" + topic + "' ("
                    + failure.getClass().getSimpleName() + ")");
        }
        err.flush();
    }
}

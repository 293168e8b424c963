package dev.speckitty.shell.runner;

import dev.speckitty.shell.command.CommandFailedException;
import dev.speckitty.shell.command.UsageException;
import dev.speckitty.domain.hosted.HostedUnavailableException;
import dev.speckitty.domain.port.LocalFileException;
import dev.speckitty.domain.session.SessionStorageException;

/** Maps what escaped a command to the process exit code: the one place that decides it. */
public final class ExitCodeMapper {

    private ExitCodeMapper() {}

    public static ExitCode map(Throwable failure) {
        return switch (failure) {
            case UsageException usage -> ExitCode.USAGE_OR_INTERNAL;
            case CommandFailedException failed -> ExitCode.FAILED;
            case HostedUnavailableException noServer -> ExitCode.FAILED;
            case SessionStorageException storage -> ExitCode.FAILED;
            case LocalFileException localFile -> ExitCode.FAILED;
            case InterruptedException interrupted -> ExitCode.INTERRUPTED;
            default -> ExitCode.USAGE_OR_INTERNAL;
        };
    }

    /** A command's own {@code ExitStatus} code; anything we do not define counts as internal. */
    public static ExitCode fromStatusCode(int code) {
        for (ExitCode exitCode : ExitCode.values()) {
            if (exitCode.code() == code) {
                return exitCode;
            }
        }
        return ExitCode.USAGE_OR_INTERNAL;
    }
}

package dev.speckitty.shell.runner;

import org.springframework.shell.core.command.ExitStatus;

/** The process exit codes of the product spec (docs/spec/exit-codes.md); the only place they are numbered. */
public enum ExitCode {
    OK(0),
    /** The command ran and failed (an auth error, a critical finding, a strict sync failure). */
    FAILED(1),
    /** Usage error or internal error. */
    USAGE_OR_INTERNAL(2),
    /** Reserved for exactly one case: logged out on a connected Teamspace. */
    LOGGED_OUT_ON_CONNECTED_TEAMSPACE(4),
    /** Ctrl-C. */
    INTERRUPTED(130);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** How a streaming command (one that prints as it goes: sync now, auth login) says it ended. */
    public ExitStatus status(String description) {
        return new ExitStatus(code, description);
    }
}

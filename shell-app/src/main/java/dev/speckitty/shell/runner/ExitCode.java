package dev.speckitty.shell.runner;

import dev.speckitty.shell.command.Exit;

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

    /** The number of a command's {@link Exit}. */
    public static ExitCode of(Exit exit) {
        return switch (exit) {
            case OK -> OK;
            case FAILED -> FAILED;
            case USAGE_OR_INTERNAL -> USAGE_OR_INTERNAL;
            case LOGGED_OUT_ON_CONNECTED_TEAMSPACE -> LOGGED_OUT_ON_CONNECTED_TEAMSPACE;
            case INTERRUPTED -> INTERRUPTED;
        };
    }
}

package dev.speckitty.shell.command;

/**
 * How a command ended, in words: what a {@link ResultCommand}'s {@link Outcome} says. The runner
 * numbers them ({@code runner.Exit}, the one place the exit codes of docs/spec/exit-codes.md
 * live), so commands do not depend on the runner that runs them.
 */
public enum Exit {
    OK,
    /** The command ran and failed (an auth error, a critical finding, a strict sync failure). */
    FAILED,
    USAGE_OR_INTERNAL,
    /** Reserved for exactly one case: logged out on a connected Teamspace. */
    LOGGED_OUT_ON_CONNECTED_TEAMSPACE,
    /** Ctrl-C. */
    INTERRUPTED
}

package dev.speckitty.shell.command;

import java.util.List;

/**
 * A command ran and failed in an expected way (not logged in, unreadable session). The message and
 * hints are user-facing and must already be free of secrets. Exit 1.
 */
public final class CommandFailedException extends RuntimeException {

    private final List<String> hints;

    public CommandFailedException(String message, String... hints) {
        super(message, null, false, false);
        this.hints = List.of(hints);
    }

    public List<String> hints() {
        return hints;
    }
}

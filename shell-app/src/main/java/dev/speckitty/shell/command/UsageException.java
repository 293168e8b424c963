package dev.speckitty.shell.command;

/** The command line could not be understood: unknown command or option, missing value. Exit 2. */
public final class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message, null, false, false);
    }
}

package dev.speckitty.shell.command;

import java.util.List;
import java.util.Optional;

/**
 * The command line could not be understood: unknown command or option, missing value. Exit 2.
 * It may carry hints ("Did you mean ...?") and the help topic the user should read when that is
 * not simply the command being run (an unknown subcommand points to its group's help).
 */
public final class UsageException extends RuntimeException {

    private final List<String> hints;
    private final String topic;

    public UsageException(String message) {
        this(message, List.of(), null);
    }

    public UsageException(String message, List<String> hints, String topic) {
        super(message, null, false, false);
        this.hints = List.copyOf(hints);
        this.topic = topic;
    }

    public List<String> hints() {
        return hints;
    }

    /** The command or group whose help answers this error; empty: the command being run (or the overview). */
    public Optional<String> topic() {
        return Optional.ofNullable(topic);
    }
}

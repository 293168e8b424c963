package dev.speckitty.shell.command;

import dev.speckitty.domain.hosted.HostedAddress;
import java.util.List;

/**
 * A command ran and failed in an expected way (not logged in, unreadable session). The message and
 * hints are user-facing and must already be free of secrets; the code is the snake_case name
 * {@code --json} reports it under. Exit 1.
 */
public final class CommandFailedException extends RuntimeException {

    private static final String DEFAULT_CODE = "command_failed";

    private final String code;
    private final List<String> hints;

    public CommandFailedException(String message, String... hints) {
        this(DEFAULT_CODE, message, hints);
    }

    private CommandFailedException(String code, String message, String... hints) {
        super(message, null, false, false);
        this.code = code;
        this.hints = List.of(hints);
    }

    /** A failure with its taxonomy code ({@code unauthenticated}, {@code file_not_found}...). */
    public static CommandFailedException coded(String code, String message, String... hints) {
        return new CommandFailedException(code, message, hints);
    }

    /**
     * No usable hosted server, in the words shown since the first release: the missing and refused
     * URL lines start with the failure symbol; a broken config.toml's do not (it names the file).
     */
    public static CommandFailedException of(HostedAddress.Unusable address) {
        String symbol = address.reason() == HostedAddress.Reason.CONFIG_UNREADABLE ? "" : "X ";
        return new CommandFailedException(symbol + address.message(),
                address.hints().stream().map(hint -> "  " + hint).toArray(String[]::new));
    }

    public String code() {
        return code;
    }

    public List<String> hints() {
        return hints;
    }
}

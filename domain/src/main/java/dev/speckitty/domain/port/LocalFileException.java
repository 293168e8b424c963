package dev.speckitty.domain.port;

/**
 * A local file a port keeps (the event queue, the repository's {@code .kittify/config.yaml}, the
 * refresh lock) cannot be used: corrupt, of the wrong kind, too large, unwritable, or the disk is
 * full. The command ran and failed (exit 1); the message is shown as it is, so it must name the
 * path and the next step and never contain the file's content. Nothing was changed or lost.
 */
public class LocalFileException extends RuntimeException {

    public LocalFileException(String message, Throwable cause) {
        super(message, cause);
    }
}

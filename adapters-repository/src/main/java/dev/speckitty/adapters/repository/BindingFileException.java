package dev.speckitty.adapters.repository;

import dev.speckitty.domain.port.LocalFileException;
import java.nio.file.Path;

/**
 * {@code .kittify/config.yaml} cannot be read or edited: it is not valid YAML, has an unexpected
 * shape, or cannot be written. The message names the file; the file is left as it was.
 */
class BindingFileException extends LocalFileException {

    private final transient Path file;

    public BindingFileException(Path file, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    public BindingFileException(Path file, String message) {
        this(file, message, null);
    }

    public Path file() {
        return file;
    }
}

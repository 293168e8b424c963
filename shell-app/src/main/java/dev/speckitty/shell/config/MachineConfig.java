package dev.speckitty.shell.config;

import dev.speckitty.shell.command.CommandFailedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.toml.TomlMapper;

/**
 * {@code $SPEC_KITTY_HOME/config.toml}, the machine configuration. Only {@code [sync] server_url}
 * is read today; unknown keys are left alone. Read lazily: commands that never go online never
 * parse it.
 */
public final class MachineConfig {

    private final Path file;

    public MachineConfig(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** {@code [sync] server_url}, trimmed; empty when the file or the key is absent. */
    public Optional<String> syncServerUrl() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = new TomlMapper().readTree(Files.readString(file));
        } catch (JacksonException malformed) {
            throw new CommandFailedException("Machine config " + file + " is not valid TOML.",
                    "  Fix or remove the file; the hosted URL is read from [sync] server_url.");
        } catch (IOException unreadable) {
            throw new CommandFailedException("Machine config " + file + " cannot be read ("
                    + unreadable.getClass().getSimpleName() + ").");
        }
        JsonNode url = root.path("sync").path("server_url");
        if (url.isMissingNode() || url.isNull()) {
            return Optional.empty();
        }
        if (!url.isString()) {
            throw new CommandFailedException("Machine config " + file + ": [sync] server_url must be a string.");
        }
        return Optional.of(url.asString().strip()).filter(s -> !s.isEmpty());
    }
}

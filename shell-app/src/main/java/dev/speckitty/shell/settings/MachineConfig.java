package dev.speckitty.shell.settings;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.toml.TomlMapper;
import tools.jackson.dataformat.toml.TomlReadFeature;

/**
 * {@code $SPEC_KITTY_HOME/config.toml}, the machine configuration. Only {@code [sync] server_url}
 * is read today; unknown keys are left alone. Read lazily: commands that never go online never
 * parse it.
 */
public final class MachineConfig {

    private static final String FIX_HINT =
            "  Fix or remove the file; the hosted URL is read from [sync] server_url, e.g. server_url = \"https://...\".";

    /** Built only when the file exists: most machines have none, and a mapper costs a one-shot tens of ms. */
    private static final class Toml {
        static final TomlMapper MAPPER = TomlMapper.builder().enable(TomlReadFeature.PARSE_JAVA_TIME).build();
    }

    private final Path file;

    public MachineConfig(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /**
     * {@code [sync] server_url}, trimmed; empty when the file, the table or the key is absent. A file
     * that is not TOML, or a {@code sync} or {@code server_url} of the wrong type, is a configuration
     * error naming the file and the key, never a silent fallback; messages never quote the file.
     */
    public Optional<String> syncServerUrl() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        JsonNode root = parse(read());
        JsonNode sync = root.get("sync");
        if (sync == null || sync.isNull()) {
            return Optional.empty();
        }
        if (!sync.isObject()) {
            throw new Unreadable("Machine config " + file + ": sync must be a table ([sync]), not "
                    + typeOf(sync) + ".", FIX_HINT);
        }
        JsonNode url = sync.get("server_url");
        if (url == null || url.isNull()) {
            return Optional.empty();
        }
        if (!url.isString()) {
            throw new Unreadable("Machine config " + file + ": [sync] server_url must be a string, not "
                    + typeOf(url) + ".", FIX_HINT);
        }
        return Optional.of(url.asString().strip()).filter(s -> !s.isEmpty());
    }

    private String read() {
        try {
            return Files.readString(file);
        } catch (CharacterCodingException notUtf8) {
            throw new Unreadable("Machine config " + file + " is not UTF-8 text.", FIX_HINT);
        } catch (IOException unreadable) {
            String reason = unreadable instanceof FileSystemException fs && fs.getReason() != null
                    ? fs.getReason() : unreadable.getClass().getSimpleName();
            throw new Unreadable("Machine config " + file + " cannot be read (" + reason + ").", FIX_HINT);
        }
    }

    private JsonNode parse(String text) {
        try {
            return Toml.MAPPER.readTree(text);
        } catch (JacksonException | DateTimeException malformed) { // an impossible date (month 13) is malformed too
            // the parser's message quotes the file, which may hold other secrets: only the path is shown
            throw new Unreadable("Machine config " + file + " is not valid TOML.", FIX_HINT);
        }
    }

    /** A TOML type name; offset date-times and friends are parsed as such, so they are not strings. */
    private static String typeOf(JsonNode node) {
        if (node.isObject()) {
            return "a table";
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        if (node.isNumber()) {
            return "a number";
        }
        return node.isPojo() ? "a date or time" : "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    /** config.toml cannot be used: what is wrong with it (never its content) and how to fix it. */
    public static final class Unreadable extends RuntimeException {

        private final List<String> hints;

        Unreadable(String message, String... hints) {
            super(message, null, false, false);
            this.hints = List.of(hints);
        }

        public List<String> hints() {
            return hints;
        }
    }
}

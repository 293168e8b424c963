package dev.speckitty.adapters.storage.session.codec;

import dev.speckitty.adapters.storage.session.StorageFailures;
import dev.speckitty.adapters.storage.session.codec.StrictJson.JsonNumber;
import dev.speckitty.adapters.storage.session.codec.StrictJson.MalformedJsonException;
import dev.speckitty.adapters.storage.session.crypto.SessionCipher;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import tools.jackson.databind.node.ObjectNode;

/**
 * The v2 envelope {@code {"version":2,"nonce":<hex>,"ciphertext":<hex>}}. Parsing is staged like the
 * reference reader (JSON, object, version, then the salt check by the caller, then the hex parts)
 * so each failure gets its own message.
 */
public final class SessionEnvelope {

    public static final int VERSION = 2;
    private static final HexFormat HEX = HexFormat.of();

    private final Path file;
    private final Map<?, ?> root;

    private SessionEnvelope(Path file, Map<?, ?> root) {
        this.file = file;
        this.root = root;
    }

    public static byte[] encode(SessionCipher.Sealed sealed) {
        ObjectNode root = SessionJson.mapper().createObjectNode();
        root.put("version", VERSION);
        root.put("nonce", HEX.formatHex(sealed.nonce()));
        root.put("ciphertext", HEX.formatHex(sealed.ciphertext()));
        return SessionJson.mapper().writeValueAsBytes(root);
    }

    /** Checks JSON, object shape and version; the hex parts are checked by {@link #sealed()}. */
    public static SessionEnvelope parseVersioned(Path file, String text) {
        if (text.isBlank()) {
            throw StorageFailures.empty(file);
        }
        Object document;
        try {
            document = StrictJson.parse(text);
        } catch (MalformedJsonException notJson) {
            throw StorageFailures.notJson(file); // only the path: file content could be quoted otherwise
        }
        if (!(document instanceof Map<?, ?> root)) {
            throw StorageFailures.notAnObject(file);
        }
        Object version = root.get("version");
        if (!(version instanceof JsonNumber number) || number.longValue().orElse(-1) != VERSION) {
            throw StorageFailures.unsupportedVersion(file, describeVersion(root.containsKey("version"), version));
        }
        return new SessionEnvelope(file, root);
    }

    public SessionCipher.Sealed sealed() {
        byte[] nonce = hexField("nonce");
        if (nonce.length != SessionCipher.NONCE_LENGTH) {
            throw StorageFailures.malformed(file, "the nonce is " + nonce.length + " bytes; expected "
                    + SessionCipher.NONCE_LENGTH);
        }
        byte[] ciphertext = hexField("ciphertext");
        if (ciphertext.length < SessionCipher.TAG_LENGTH) {
            throw StorageFailures.malformed(file, "the ciphertext is shorter than its authentication tag");
        }
        return new SessionCipher.Sealed(nonce, ciphertext);
    }

    private byte[] hexField(String name) {
        Object value = root.get(name);
        if (value == null) {
            throw StorageFailures.malformed(file, "key \"" + name + "\" is missing");
        }
        if (!(value instanceof String hex)) {
            throw StorageFailures.malformed(file, "key \"" + name + "\" is not a string");
        }
        try {
            // the reference's bytes.fromhex also accepts upper case
            return HEX.parseHex(hex.toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException notHex) {
            throw StorageFailures.malformed(file, "key \"" + name + "\" is not hexadecimal");
        }
    }

    /** Shows a numeric version as written; anything else only by its JSON type (it could be content). */
    private static String describeVersion(boolean present, Object version) {
        if (!present) {
            return "None (no \"version\" key)";
        }
        if (version instanceof JsonNumber number) {
            if (!number.integral()) {
                return "(a non-integer number)";
            }
            OptionalLong value = number.longValue();
            return value.isPresent() ? Long.toString(value.getAsLong()) : "(a large integer)";
        }
        return "(a JSON " + typeName(version) + ")";
    }

    private static String typeName(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof Boolean) {
            return "boolean";
        }
        return value instanceof List<?> ? "array" : "object";
    }
}

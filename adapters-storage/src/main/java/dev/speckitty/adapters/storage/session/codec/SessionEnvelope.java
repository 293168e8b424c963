package dev.speckitty.adapters.storage.session.codec;

import dev.speckitty.adapters.storage.session.StorageFailures;
import dev.speckitty.adapters.storage.session.crypto.SessionCipher;
import java.nio.file.Path;
import java.util.HexFormat;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
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
    private final JsonNode root;

    private SessionEnvelope(Path file, JsonNode root) {
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
        JsonNode root;
        try {
            root = SessionJson.mapper().readTree(text);
        } catch (JacksonException notJson) {
            // the parser's message may quote file content, so only the path is reported
            throw StorageFailures.notJson(file);
        }
        if (root == null || !root.isObject()) {
            throw StorageFailures.notAnObject(file);
        }
        JsonNode version = root.get("version");
        if (version == null || !version.isIntegralNumber() || !version.canConvertToInt() || version.intValue() != VERSION) {
            throw StorageFailures.unsupportedVersion(file, describeVersion(version));
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
        JsonNode value = root.get(name);
        if (value == null || value.isNull()) {
            throw StorageFailures.malformed(file, "key \"" + name + "\" is missing");
        }
        if (!value.isString()) {
            throw StorageFailures.malformed(file, "key \"" + name + "\" is not a string");
        }
        try {
            // the reference's bytes.fromhex also accepts upper case
            return HEX.parseHex(value.stringValue().toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException notHex) {
            throw StorageFailures.malformed(file, "key \"" + name + "\" is not hexadecimal");
        }
    }

    /** Shows a numeric version as written; anything else only by its JSON type (it could be content). */
    private static String describeVersion(JsonNode version) {
        if (version == null) {
            return "None (no \"version\" key)";
        }
        if (version.isIntegralNumber()) {
            return version.canConvertToLong() ? Long.toString(version.longValue()) : "(a large integer)";
        }
        if (version.isNumber()) {
            return "(a non-integer number)";
        }
        return "(a JSON " + version.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + ")";
    }
}

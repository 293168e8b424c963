package dev.speckitty.shell.render;

import dev.speckitty.domain.text.UntrustedText;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes exactly one JSON document (one line) per {@code --json} command. Every document carries a
 * {@code schema_version} (1 unless the document declares its own, as the doctor report does), so a
 * script can tell a shape change from a bug. Every character the one sanitiser calls unsafe is
 * written as a JSON {@code \}{@code u} escape: Jackson escapes C0 on its own, this adds DEL, C1
 * (CSI, OSC) and the invisible format characters (bidi overrides), so a {@code --json} document
 * piped to a terminal cannot drive it and still decodes to the same text.
 */
public final class JsonOutput {

    public static final String SCHEMA_VERSION = "schema_version";
    private static final int DEFAULT_SCHEMA_VERSION = 1;
    private static final JsonMapper MAPPER = JsonMapper.builder(
            JsonFactory.builder().characterEscapes(new UnsafeCharacterEscapes()).build()).build();

    private JsonOutput() {}

    public static String toJson(Map<String, ?> document) {
        return MAPPER.writeValueAsString(versioned(document));
    }

    public static void print(PrintWriter out, Map<String, ?> document) {
        out.println(toJson(document));
        out.flush();
    }

    private static Map<String, ?> versioned(Map<String, ?> document) {
        if (document.containsKey(SCHEMA_VERSION)) {
            return document;
        }
        Map<String, Object> versioned = new LinkedHashMap<>(document);
        versioned.put(SCHEMA_VERSION, DEFAULT_SCHEMA_VERSION);
        return versioned;
    }

    private static final class UnsafeCharacterEscapes extends CharacterEscapes {

        private static final int[] ASCII = standardAsciiEscapesForJSON();

        static {
            ASCII[0x7f] = ESCAPE_CUSTOM;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ASCII;
        }

        /** Called per UTF-16 unit: the unsafe characters that matter to a terminal are all in the BMP. */
        @Override
        public SerializableString getEscapeSequence(int unit) {
            // upper-case hex, as Jackson writes its own escapes
            return UntrustedText.isUnsafe(unit) ? new SerializedString(String.format("\\u%04X", unit)) : null;
        }
    }
}

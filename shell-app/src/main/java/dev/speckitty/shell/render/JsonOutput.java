package dev.speckitty.shell.render;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes exactly one JSON document (one line) per {@code --json} command. Every document carries a
 * {@code schema_version} (1 unless the document declares its own, as the doctor report does), so a
 * script can tell a shape change from a bug.
 */
public final class JsonOutput {

    public static final String SCHEMA_VERSION = "schema_version";
    private static final int DEFAULT_SCHEMA_VERSION = 1;
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

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
}

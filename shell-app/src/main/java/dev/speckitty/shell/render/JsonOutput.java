package dev.speckitty.shell.render;

import java.io.PrintWriter;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Writes exactly one JSON document (one line) per {@code --json} command. */
public final class JsonOutput {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private JsonOutput() {}

    public static String toJson(Map<String, ?> document) {
        return MAPPER.writeValueAsString(document);
    }

    public static void print(PrintWriter out, Map<String, ?> document) {
        out.println(toJson(document));
        out.flush();
    }
}

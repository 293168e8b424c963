package dev.speckitty.shell.support;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Parses stdout as exactly one JSON document: trailing content fails the parse. */
public final class JsonDocuments {

    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JsonDocuments() {}

    public static JsonNode single(String stdout) {
        return STRICT.readTree(stdout);
    }
}

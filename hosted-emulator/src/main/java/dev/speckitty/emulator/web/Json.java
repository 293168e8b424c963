package dev.speckitty.emulator.web;

import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Parses request bodies the handlers read by hand (gzip batches, admin commands). */
final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private Json() {
    }

    /** An empty body reads as an empty object. */
    static Map<String, Object> parseObject(byte[] body) {
        if (body.length == 0) {
            return Map.of();
        }
        try {
            return MAPPER.readValue(body, OBJECT);
        } catch (JacksonException e) {
            throw new BadRequestException("body is not a JSON object: " + e.getOriginalMessage());
        }
    }
}

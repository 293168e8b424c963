package dev.speckitty.emulator;

import java.util.List;
import java.util.Map;

/** An HTTP answer as a test sees it. */
record Reply(int status, Map<String, List<String>> headers, String body) {

    @SuppressWarnings("unchecked")
    Map<String, Object> json() {
        return Http.JSON.readValue(body, Map.class);
    }

    Object field(String name) {
        return json().get(name);
    }

    String text(String name) {
        return (String) json().get(name);
    }

    String header(String name) {
        return headers.entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                .findFirst()
                .map(entry -> entry.getValue().getFirst())
                .orElse(null);
    }
}

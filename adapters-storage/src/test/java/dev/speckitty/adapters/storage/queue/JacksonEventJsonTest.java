package dev.speckitty.adapters.storage.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.domain.port.EventJson.Value;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JacksonEventJsonTest {

    private final JacksonEventJson json = new JacksonEventJson();

    @Test
    void anObjectIsWrittenBackCompactlyInItsOwnOrderWithItsStringId() {
        assertThat(json.parse("{ \"z\": 1, \"event_id\" : \"e-1\", \"a\": [true, null] }")).contains(
                new Value(true, Optional.of("e-1"), "{\"z\":1,\"event_id\":\"e-1\",\"a\":[true,null]}"));
    }

    @Test
    void aNonStringIdIsNoId() {
        assertThat(json.parse("{\"event_id\": 7}").orElseThrow().eventId()).isEmpty();
        assertThat(json.parse("{}").orElseThrow()).isEqualTo(new Value(true, Optional.empty(), "{}"));
    }

    @Test
    void otherValuesAreNotObjectsAndBrokenTextIsNoValue() {
        assertThat(json.parse("[1]")).contains(new Value(false, Optional.empty(), ""));
        assertThat(json.parse("\"text\"")).contains(new Value(false, Optional.empty(), ""));
        assertThat(json.parse("{\"a\":")).isEmpty();
        assertThat(json.parse("not json")).isEmpty();
    }

    @Test
    void aNewEventNestsItsPayload() {
        Value payload = json.parse("{\"k\": \"v\"}").orElseThrow();

        assertThat(json.newEvent("e-1", "mission.started", "2026-12-06T12:00:00Z", payload)).isEqualTo(
                "{\"event_id\":\"e-1\",\"event_type\":\"mission.started\",\"created_at\":\"2026-12-06T12:00:00Z\","
                        + "\"payload\":{\"k\":\"v\"}}");
    }
}

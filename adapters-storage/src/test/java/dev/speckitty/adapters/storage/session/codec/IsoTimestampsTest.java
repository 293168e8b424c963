package dev.speckitty.adapters.storage.session.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IsoTimestampsTest {

    @Test
    void writesWhatTheJdksFormatterWritesForRandomInstants() {
        java.util.Random random = new java.util.Random(1206L);
        java.time.format.DateTimeFormatter seconds = java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
        for (int i = 0; i < 5000; i++) {
            long second = random.nextLong(Instant.parse("0001-01-01T00:00:00Z").getEpochSecond(),
                    Instant.parse("9999-12-31T23:59:59Z").getEpochSecond());
            int micros = random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000);
            Instant instant = Instant.ofEpochSecond(second, micros * 1000L + random.nextInt(1000));
            java.time.OffsetDateTime utc = instant.atOffset(java.time.ZoneOffset.UTC);
            String expected = seconds.format(utc) + (micros == 0 ? "" : "." + String.format("%06d", micros)) + "+00:00";
            assertThat(IsoTimestamps.format(instant)).isEqualTo(expected);
            assertThat(IsoTimestamps.parse(expected)).hasValue(instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        }
    }

    @Test
    void writesLikePythonIsoformatOnUtc() {
        assertThat(IsoTimestamps.format(Instant.parse("2026-04-09T13:37:00.123456Z")))
                .isEqualTo("2026-04-09T13:37:00.123456+00:00");
        assertThat(IsoTimestamps.format(Instant.parse("2026-04-09T13:37:00Z")))
                .isEqualTo("2026-04-09T13:37:00+00:00");
        assertThat(IsoTimestamps.format(Instant.parse("2026-04-09T13:37:00.5Z")))
                .isEqualTo("2026-04-09T13:37:00.500000+00:00");
        assertThat(IsoTimestamps.format(Instant.parse("2026-04-09T13:37:00.000000999Z")))
                .as("below microseconds is dropped, as Python cannot hold it")
                .isEqualTo("2026-04-09T13:37:00+00:00");
    }

    @ParameterizedTest
    @CsvSource({
        "2026-04-09T13:37:00+00:00, 2026-04-09T13:37:00Z",
        "2026-04-09T13:37:00Z, 2026-04-09T13:37:00Z",
        "2026-04-09T13:37:00.123456+00:00, 2026-04-09T13:37:00.123456Z",
        "2026-04-09T15:37:00.5+02:00, 2026-04-09T13:37:00.5Z",
        "2026-04-09T08:37:00-05:00, 2026-04-09T13:37:00Z",
        "2026-04-09T13:37:00, 2026-04-09T13:37:00Z",
        "2026-04-09 13:37:00.1, 2026-04-09T13:37:00.1Z",
        "2026-04-09T13:37:00+0000, 2026-04-09T13:37:00Z",
        "2026-04-09T13:37:00.123456789Z, 2026-04-09T13:37:00.123456Z",
        "9999-12-31T23:59:59.999999+00:00, 9999-12-31T23:59:59.999999Z",
        "0001-01-01T00:00:00+00:00, 0001-01-01T00:00:00Z",
    })
    void readsWhatFromisoformatAccepts(String text, String expected) {
        assertThat(IsoTimestamps.parse(text)).contains(Instant.parse(expected));
    }

    @Test
    void rejectsGarbage() {
        assertThat(IsoTimestamps.parse("yesterday")).isEmpty();
        assertThat(IsoTimestamps.parse("")).isEmpty();
        assertThat(IsoTimestamps.parse("2026-13-40T99:00:00Z")).isEmpty();
    }

    /** What format() could not write back as a readable four-digit year: refused on read, as Python does. */
    @ParameterizedTest
    @CsvSource({"+999999999-12-31T23:59:59+18:00", "9999-12-31T23:59:59-01:00", "0000-06-01T00:00:00Z",
        "-0001-01-01T00:00:00Z", "0001-01-01T00:30:00+01:00"})
    void rejectsYearsOutsideOneToNineThousandNineHundredNinetyNine(String text) {
        assertThat(IsoTimestamps.parse(text)).isEmpty();
    }
}

package dev.speckitty.adapters.storage.session.codec;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Timestamps as the reference CLI writes and reads them: Python {@code isoformat()} of an aware UTC
 * value on write, {@code fromisoformat()} leniency on read (Z or any offset, fractional seconds,
 * naive values taken as UTC).
 */
public final class IsoTimestamps {

    private static final DateTimeFormatter OFFSET_WITHOUT_COLON = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .appendOffset("+HHMM", "Z")
            .toFormatter();

    private static final List<Function<String, Instant>> PARSERS = List.of(
            text -> OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant(),
            text -> OffsetDateTime.parse(text, OFFSET_WITHOUT_COLON).toInstant(),
            text -> LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC),
            text -> LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay().toInstant(ZoneOffset.UTC));

    private IsoTimestamps() {}

    /** {@code 2026-04-09T13:37:00.123456+00:00}; the fraction is omitted when it is zero, like Python. */
    public static String format(Instant instant) {
        OffsetDateTime utc = instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        StringBuilder out = new StringBuilder(32)
                .append(String.format("%04d-%02d-%02dT%02d:%02d:%02d",
                        utc.getYear(), utc.getMonthValue(), utc.getDayOfMonth(),
                        utc.getHour(), utc.getMinute(), utc.getSecond()));
        int micros = utc.get(ChronoField.MICRO_OF_SECOND);
        if (micros != 0) {
            out.append('.').append(String.format("%06d", micros));
        }
        return out.append("+00:00").toString();
    }

    /**
     * Parses what Python's {@code fromisoformat} would accept in practice; empty when unparsable.
     * Like Python, digits below the microsecond are dropped, and a value outside years 1-9999 in
     * UTC (which {@link #format} could not write back readably) is refused.
     */
    public static Optional<Instant> parse(String text) {
        return parseAnyPrecision(text).map(instant -> instant.truncatedTo(ChronoUnit.MICROS))
                .filter(IsoTimestamps::writable);
    }

    private static boolean writable(Instant instant) {
        int year = instant.atOffset(ZoneOffset.UTC).getYear();
        return year >= 1 && year <= 9999;
    }

    private static Optional<Instant> parseAnyPrecision(String text) {
        if (text == null || text.length() < 10) {
            return Optional.empty();
        }
        // Python also accepts a space between date and time.
        String normalised = text.length() > 10 && text.charAt(10) == ' '
                ? text.substring(0, 10) + 'T' + text.substring(11)
                : text;
        for (Function<String, Instant> parser : PARSERS) {
            try {
                return Optional.of(parser.apply(normalised));
            } catch (DateTimeParseException notThisShape) {
                // try the next accepted shape
            }
        }
        return Optional.empty();
    }
}

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
        // Padded by hand: String.format sets up a Formatter and locale data, ~6 ms of a one-shot's
        // CPU, and every durable read writes one timestamp into the hot-path record.
        OffsetDateTime utc = instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        StringBuilder out = new StringBuilder(32);
        padded(out, utc.getYear(), 4).append('-');
        padded(out, utc.getMonthValue(), 2).append('-');
        padded(out, utc.getDayOfMonth(), 2).append('T');
        padded(out, utc.getHour(), 2).append(':');
        padded(out, utc.getMinute(), 2).append(':');
        padded(out, utc.getSecond(), 2);
        int micros = utc.get(ChronoField.MICRO_OF_SECOND);
        if (micros != 0) {
            padded(out.append('.'), micros, 6);
        }
        return out.append("+00:00").toString();
    }

    /** {@code value} zero-padded to {@code width} characters, sign included, as {@code %0<width>d}. */
    private static StringBuilder padded(StringBuilder out, int value, int width) {
        if (value < 0) {
            return padded(out.append('-'), -value, width - 1);
        }
        String digits = Integer.toString(value);
        return out.repeat('0', Math.max(0, width - digits.length())).append(digits);
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

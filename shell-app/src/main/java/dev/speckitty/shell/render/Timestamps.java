package dev.speckitty.shell.render;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The one way a moment is written in output: RFC 3339 in UTC to whole seconds
 * ({@code 2026-04-09T14:37:00Z}), whatever precision the clock or the server had.
 */
public final class Timestamps {

    private static final DateTimeFormatter RFC_3339_SECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {}

    public static String format(Instant instant) {
        return instant == null ? null : RFC_3339_SECONDS.format(instant);
    }
}

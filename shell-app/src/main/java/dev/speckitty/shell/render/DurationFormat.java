package dev.speckitty.shell.render;

/** The reference CLI's {@code format_duration}: whole units, floor, singular and plural. */
public final class DurationFormat {

    private static final long MINUTE = 60;
    private static final long HOUR = 3_600;
    private static final long DAY = 86_400;

    private DurationFormat() {}

    public static String format(long seconds) {
        if (seconds <= 0) {
            return "expired";
        }
        if (seconds < MINUTE) {
            return "< 1 minute";
        }
        if (seconds < HOUR) {
            return plural(seconds / MINUTE, "minute");
        }
        if (seconds < DAY) {
            return plural(seconds / HOUR, "hour");
        }
        return plural(seconds / DAY, "day");
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }
}

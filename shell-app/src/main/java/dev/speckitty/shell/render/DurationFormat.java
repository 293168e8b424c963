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

    /**
     * A time left to wait, as a person counts it down: seconds under a minute ({@code 30 seconds}, never
     * {@code 0 minutes}), whole minutes, or minutes and seconds ({@code 4 minutes 30 seconds}).
     */
    public static String countdown(java.time.Duration remaining) {
        long seconds = Math.max(0, remaining.toSeconds());
        if (seconds < MINUTE) {
            return plural(seconds, "second");
        }
        String minutes = plural(seconds / MINUTE, "minute");
        return seconds % MINUTE == 0 ? minutes : minutes + " " + plural(seconds % MINUTE, "second");
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }
}

package dev.speckitty.shell.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.shell.support.CliProcess.Result;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The storage counts of the line a CLI process prints at exit with {@code SPEC_KITTY_DEBUG_COUNTERS=1}. */
public record CounterLine(int durableReads, int kdfDerivations) {

    /** The environment that turns the line on. */
    public static final Map<String, String> ENABLED = Map.of("SPEC_KITTY_DEBUG_COUNTERS", "1");

    private static final Pattern LINE =
            Pattern.compile("spec-kitty-counters durable_reads=(\\d+) kdf_derivations=(\\d+) ");

    private static final Pattern LOCK_WAITS = Pattern.compile("spec-kitty-counters .*lock_waits_ms=(\\d+)");

    /** The line's {@code lock_waits_ms}: how long the process waited for refresh.lock; fails without a line. */
    public static long lockWaitMillis(Result result) {
        Matcher matcher = LOCK_WAITS.matcher(result.stderr());
        assertThat(matcher.find()).as(result.describe()).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    /** The line on the process's stderr; fails the test when there is none. */
    public static CounterLine of(Result result) {
        Matcher matcher = LINE.matcher(result.stderr());
        assertThat(matcher.find()).as(result.describe()).isTrue();
        return new CounterLine(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
    }
}

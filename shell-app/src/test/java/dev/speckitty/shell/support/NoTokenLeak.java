package dev.speckitty.shell.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * After a black-box test class: no CLI process started by the tests so far printed a sentinel
 * token on stdout or stderr.
 */
public final class NoTokenLeak implements AfterAllCallback {

    private static final List<String> SENTINELS = List.of("at_SENTINEL", "rt_SENTINEL");
    private static final List<String> EXTRA = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Tokens known only at run time (e.g. rotated by the emulator) that must never be printed either. */
    public static void alsoScanFor(String... tokens) {
        EXTRA.addAll(List.of(tokens));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        List<CliProcess.Result> transcripts = CliProcess.transcripts();
        assertThat(transcripts).as("CLI processes recorded for the leak scan").isNotEmpty();
        for (CliProcess.Result result : transcripts) {
            for (String sentinel : java.util.stream.Stream.concat(SENTINELS.stream(), EXTRA.stream()).toList()) {
                assertThat(result.stdout()).as("stdout of %s", result.args()).doesNotContain(sentinel);
                assertThat(result.stderr()).as("stderr of %s", result.args()).doesNotContain(sentinel);
            }
        }
    }
}

package dev.speckitty.shell.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.application.sync.SyncReport;
import dev.speckitty.domain.hosted.FailureCategory;
import dev.speckitty.domain.hosted.HostedFailure;
import dev.speckitty.domain.sync.EventResult;
import dev.speckitty.shell.command.sync.DrainProgressLine;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Text output in the user's terms: countdowns, network trouble, tracker items, colour. */
class HumanOutputTest {

    @Test
    void countdownsSaySecondsUnderAMinute() {
        assertThat(DurationFormat.countdown(Duration.ofSeconds(30))).isEqualTo("30 seconds");
        assertThat(DurationFormat.countdown(Duration.ofSeconds(1))).isEqualTo("1 second");
        assertThat(DurationFormat.countdown(Duration.ofMinutes(15))).isEqualTo("15 minutes");
        assertThat(DurationFormat.countdown(Duration.ofSeconds(270))).isEqualTo("4 minutes 30 seconds");
        assertThat(DurationFormat.countdown(Duration.ofSeconds(-5))).isEqualTo("0 seconds");
    }

    @Test
    void aTransportFailureNamesTheUrlAndWhyInWords() {
        assertThat(NetworkTrouble.explain("Network error requesting device code: ConnectException",
                "http://127.0.0.1:9")).contains(
                "Could not reach http://127.0.0.1:9 (connection refused: nothing is listening there) while requesting "
                        + "device code.");
        assertThat(NetworkTrouble.explain("Network error during code exchange: TimeoutException", "https://x.dev"))
                .contains("Could not reach https://x.dev (no answer in time) while code exchange.");
        assertThat(NetworkTrouble.explain("Device code request failed: HTTP 500", "https://x.dev")).isEmpty();
        assertThat(NetworkTrouble.hint()).contains("SPEC_KITTY_SAAS_URL");
    }

    @Test
    void trackerItemsAreLinesNotJavaMaps() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("team_slug", "t-private");
        body.put("connected", true);
        body.put("items", List.of(Map.of("id", "TRK-1", "title", "Write the spec", "status", "done")));
        StringWriter text = new StringWriter();
        TrackerText.print(new PrintWriter(text, true), body);
        assertThat(text.toString()).isEqualTo("Team slug: t-private\nConnected: yes\nItems: 1\n"
                + "  TRK-1  Write the spec  [done]\n").doesNotContain("{", "=");
    }

    @Test
    void theSummaryAccountsForEveryEventAndTheProgressLineIsErasedAtTheEnd() {
        List<EventResult.Failed> failures = java.util.stream.IntStream.range(0, 1_000)
                .mapToObj(i -> new EventResult.Failed("e" + i, HostedFailure.of(FailureCategory.SERVER_ERROR, "HTTP 500")))
                .toList();
        SyncReport report = new SyncReport(30_000, 14_000, 0, failures, false);
        StringWriter text = new StringWriter();
        SyncReportRendering.summary(new PrintWriter(text, true), report);
        assertThat(text.toString()).startsWith("Synced: 14000  Duplicates: 0  Errors: 1000\n")
                .endsWith("Still queued: 16000 (1000 failed, 15000 not attempted); they are sent again by the next "
                        + "spec-kitty sync now.\n");
        assertThat(SyncReportRendering.document(report, java.time.Instant.EPOCH))
                .extractingByKey("summary").asString().contains("not_attempted=15000");

        StringWriter err = new StringWriter();
        DrainProgressLine line = new DrainProgressLine(new PrintWriter(err, true));
        line.batchDone(1_000, 30_000);
        line.batchDone(30_000, 30_000);
        assertThat(err.toString()).startsWith("\rSending: 1000/30000 events (3%)  ").endsWith("\r");
        StringWriter small = new StringWriter();
        new DrainProgressLine(new PrintWriter(small, true)).batchDone(10, 10);
        assertThat(small.toString()).isEmpty();
    }

    @Test
    void colourFollowsNoColorThenClicolorForceThenTheTerminal() {
        assertThat(Colour.enabled(Map.of(), true)).isTrue();
        assertThat(Colour.enabled(Map.of(), false)).isFalse();
        assertThat(Colour.enabled(Map.of("NO_COLOR", "1"), true)).isFalse();
        assertThat(Colour.enabled(Map.of("NO_COLOR", ""), true)).isTrue();
        assertThat(Colour.enabled(Map.of("CLICOLOR_FORCE", "1"), false)).isTrue();
        assertThat(Colour.enabled(Map.of("CLICOLOR_FORCE", "0"), false)).isFalse();
        assertThat(Colour.enabled(Map.of("CLICOLOR_FORCE", "1", "NO_COLOR", "1"), true)).isFalse();
    }

    @Test
    void onlyTheLeadingStatusSymbolIsColoured() throws IOException {
        StringWriter target = new StringWriter();
        try (SymbolColouringWriter writer = new SymbolColouringWriter(target)) {
            writer.write("+ Logged out.\nX Not authenticated\n  ! indented\nin words\n{\"x\":1}\n! warn");
        }
        assertThat(target.toString()).isEqualTo("\u001b[32m+\u001b[0m Logged out.\n\u001b[31mX\u001b[0m Not authenticated\n"
                + "  ! indented\nin words\n{\"x\":1}\n\u001b[33m!\u001b[0m warn");
    }
}

package dev.speckitty.architecture.broadcatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.architecture.broadcatch.BroadCatchReason.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The reason rule on its own, with the examples of docs/spec/behaviour.md §4.3 and scenario group F. */
class BroadCatchReasonTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "revoke must never block local logout cleanup",
        "stdlib fallback converts transport failures to NetworkError",
        "any second refresh failure becomes bounded replay retry guidance",
        "cryptography raises InvalidTag / others",
        "never crash on stale credentials",
        "materialization failure downgrades to unauthenticated",
        "derived hot-path publish must never invalidate durable auth state",
        "explicit log-and-skip boundary",
        "doctor converts unexpected failures to exit code 2",
        "logout must report any local credential deletion failure",
        "storage cleanup failure is logged and local deletion continues",
        "optional telemetry must not abort command",
        " — never crash on stale credentials",
    })
    void specific_reasons_are_accepted(String reason) {
        assertThat(BroadCatchReason.judge(reason)).isEqualTo(Verdict.ACCEPTED);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''              | EMPTY",
        "-               | EMPTY",
        "' :  -- '       | EMPTY",
        "ignore          | GENERIC",
        "- ignore        | GENERIC",
        "TODO            | GENERIC",
        "catch all       | GENERIC",
        "catch-all       | GENERIC",
        "Catch_All       | GENERIC",
        "- broad catch   | GENERIC",
        ": Generic       | GENERIC",
        "all exceptions  | GENERIC",
        "BLE001          | GENERIC",
        "noqa            | GENERIC",
        "temporary       | GENERIC",
        "fixme           | GENERIC",
        // Passes the reference (exact generic match only) but not our three-word minimum.
        "ignore errors   | TOO_FEW_WORDS",
        "best effort     | TOO_FEW_WORDS",
        "cleanup         | TOO_FEW_WORDS",
    })
    void empty_generic_and_short_reasons_are_rejected(String reason, Verdict expected) {
        assertThat(BroadCatchReason.judge(reason)).isEqualTo(expected);
    }

    @Test
    void normalising_casefolds_and_collapses_non_word_runs_and_underscores() {
        assertThat(BroadCatchReason.normalise("  Log-and_SKIP :: boundary! ")).isEqualTo("log and skip boundary");
    }

    @Test
    void the_reason_is_the_text_after_the_marker() {
        assertThat(BroadCatchReason.markedReason("} catch (Exception e) { // broad-catch: never crash on stale credentials"))
                .hasValue(" never crash on stale credentials");
        assertThat(BroadCatchReason.markedReason("    // Broad-Catch : explicit log-and-skip boundary"))
                .hasValue(" explicit log-and-skip boundary");
    }

    @Test
    void a_line_without_the_marker_has_no_reason() {
        assertThat(BroadCatchReason.markedReason("} catch (Exception e) { // never crash on stale credentials")).isEmpty();
        assertThat(BroadCatchReason.markedReason("} catch (Exception e) { // broad-catch never crash")).isEmpty();
    }
}

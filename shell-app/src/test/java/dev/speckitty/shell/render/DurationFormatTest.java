package dev.speckitty.shell.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationFormatTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "-5 | expired", "0 | expired", "1 | < 1 minute", "59 | < 1 minute",
        "60 | 1 minute", "119 | 1 minute", "120 | 2 minutes", "3599 | 59 minutes",
        "3600 | 1 hour", "7199 | 1 hour", "7200 | 2 hours", "86399 | 23 hours",
        "86400 | 1 day", "172799 | 1 day", "2592000 | 30 days"})
    void formatsLikeTheReference(long seconds, String expected) {
        assertThat(DurationFormat.format(seconds)).isEqualTo(expected);
    }
}

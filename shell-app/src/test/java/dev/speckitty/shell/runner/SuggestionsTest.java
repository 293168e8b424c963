package dev.speckitty.shell.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    private static final List<String> SUBCOMMANDS = List.of("doctor", "login", "logout", "refresh", "status", "whoami");

    @Test
    void distanceCountsASwapOfNeighboursAsOneEdit() {
        assertThat(Suggestions.distance("stauts", "status")).isEqualTo(1);
        assertThat(Suggestions.distance("headles", "headless")).isEqualTo(1);
        assertThat(Suggestions.distance("lgoin", "login")).isEqualTo(1);
        assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
    }

    @Test
    void suggestsTheNearestWordWithinTwoEdits() {
        assertThat(Suggestions.closest("stauts", SUBCOMMANDS)).contains("status");
        assertThat(Suggestions.closest("lgoin", SUBCOMMANDS)).contains("login");
        assertThat(Suggestions.closest("whoamii", SUBCOMMANDS)).contains("whoami");
        assertThat(Suggestions.closest("refrsh", SUBCOMMANDS)).contains("refresh");
    }

    @Test
    void aUniquePrefixIsCompleted() {
        assertThat(Suggestions.closest("doc", SUBCOMMANDS)).contains("doctor");
        assertThat(Suggestions.closest("lo", SUBCOMMANDS)).isEmpty(); // login or logout: no guess
    }

    @Test
    void farOrShortWordsGetNoGuess() {
        assertThat(Suggestions.closest("deploy", SUBCOMMANDS)).isEmpty();
        assertThat(Suggestions.closest("ls", List.of("now", "status"))).isEmpty();
        assertThat(Suggestions.closest("x", SUBCOMMANDS)).isEmpty();
    }
}

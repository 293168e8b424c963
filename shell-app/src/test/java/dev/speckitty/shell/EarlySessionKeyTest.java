package dev.speckitty.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which command lines get the session key derived beside start-up: the words alone decide. */
class EarlySessionKeyTest {

    @ParameterizedTest
    @ValueSource(strings = {"auth status", "auth status --json", "auth whoami", "auth whoami --json", "auth doctor",
            "auth doctor --server", "auth refresh", "auth logout"})
    void commandsThatDecryptTheSession(String line) {
        assertThat(EarlySessionKey.decrypts(line.split(" "))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"auth status --short", "auth status --json --short", "auth whoami --help", "auth doctor -h",
            "auth login", "auth", "sync now", "version", "help auth whoami", "whoami auth", "tracker pull"})
    void commandsThatDoNot(String line) {
        assertThat(EarlySessionKey.decrypts(line.split(" "))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " "})
    void noCommandAtAll(String line) {
        assertThat(EarlySessionKey.decrypts(line.isEmpty() ? new String[0] : new String[] {line})).isFalse();
    }
}

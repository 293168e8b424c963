package dev.speckitty.adapters.hosted.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.domain.session.Secret;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SafeTextTest {

    @Test
    void errorCodesMustLookLikeCodes() {
        assertThat(SafeText.errorCode(Optional.of("invalid_grant"))).contains("invalid_grant");
        assertThat(SafeText.errorCode(Optional.of("two words"))).isEmpty();
        assertThat(SafeText.errorCode(Optional.of("x".repeat(65)))).isEmpty();
        assertThat(SafeText.errorCode(Optional.of("bad\ncode"))).isEmpty();
    }

    @Test
    void knownSecretsAndTokenLookingWordsAreRedacted() {
        String text = SafeText.serverMessage(
                "token rt_x1 rejected; family eyJhbGciOiJIUzI1NiJ9.abc and " + "a".repeat(40) + " but words stay",
                Secret.of("rt_x1"));
        assertThat(text).isEqualTo("token [redacted] rejected; family [redacted] and [redacted] but words stay");
    }

    @Test
    void controlCharactersAreCollapsedAndLengthCapped() {
        assertThat(SafeText.serverMessage("line1\r\n\u001b[31mred\u0000")).isEqualTo("line1 [31mred");
        String long_ = SafeText.serverMessage("word ".repeat(100));
        assertThat(long_).hasSizeLessThanOrEqualTo(SafeText.MAX_LENGTH).endsWith("…");
    }
}

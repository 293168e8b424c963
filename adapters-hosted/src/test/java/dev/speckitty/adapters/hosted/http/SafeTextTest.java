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
    void errorCodesThatLookLikeTokensOrCarryASentSecretAreDropped() {
        // plain-shaped, but a hostile server could put a token in "error": never echo it
        assertThat(SafeText.errorCode(Optional.of("tok_9f8e7d6c5b4a39281716"))).isEmpty();
        assertThat(SafeText.errorCode(Optional.of("a".repeat(40)))).isEmpty();
        assertThat(SafeText.errorCode(Optional.of("dc_SENTINEL_x"), Secret.of("dc_SENTINEL_x"))).isEmpty();
        assertThat(SafeText.errorCode(Optional.of("x-dc_SENTINEL_x"), Secret.of("dc_SENTINEL_x"))).isEmpty();
        assertThat(SafeText.errorCode(Optional.of("slow_down"), Secret.of("dc_SENTINEL_x"))).contains("slow_down");
        assertThat(SafeText.errorCode(Optional.of("refresh_replay_benign_retry"))).contains("refresh_replay_benign_retry");
    }

    @Test
    void knownSecretsAndTokenLookingWordsAreRedacted() {
        String text = SafeText.serverMessage(
                "token rt_x1 rejected; family eyJhbGciOiJIUzI1NiJ9.abc and " + "a".repeat(40) + " but words stay",
                Secret.of("rt_x1"));
        assertThat(text).isEqualTo("token [redacted] rejected; family [redacted] and [redacted] but words stay");
    }

    @Test
    void lineBreaksAreFoldedOtherControlsEscapedAndLengthCapped() {
        assertThat(SafeText.serverMessage("line1\r\n\u001b[31mred\u0000")).isEqualTo("line1 \\x1b[31mred\\x00");
        // C1 controls (CSI, OSC) and bidi overrides, which \p{Cntrl} missed
        assertThat(SafeText.serverMessage("a\u009b2J b\u009d8;;x\u009c c\u202eexe"))
                .isEqualTo("a\\x9b2J b\\x9d8;;x\\x9c c\\u202eexe");
        String long_ = SafeText.serverMessage("word ".repeat(100));
        assertThat(long_).hasSizeLessThanOrEqualTo(SafeText.MAX_LENGTH).endsWith("…");
    }
}

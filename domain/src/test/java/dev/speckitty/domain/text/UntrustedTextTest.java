package dev.speckitty.domain.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class UntrustedTextTest {

    @Test
    void escapesC0ControlsDelAndC1VisiblyInOneLine() {
        assertThat(UntrustedText.line("a\u001b[2Jb\u0007c\rd\ne\tf\u0000g\u007fh"))
                .isEqualTo("a\\x1b[2Jb\\x07c\\x0dd\\x0ae\\x09f\\x00g\\x7fh");
        assertThat(UntrustedText.line("csi\u009b31m osc\u009d8;;http://x\u009c nel\u0085"))
                .isEqualTo("csi\\x9b31m osc\\x9d8;;http://x\\x9c nel\\x85");
    }

    @Test
    void escapesBidiControlsZeroWidthAndSeparators() {
        assertThat(UntrustedText.line("admin\u202egnp.exe\u2066x\u2069\u200b\u200d\ufeff\u2028\u2029\u061c"))
                .isEqualTo("admin\\u202egnp.exe\\u2066x\\u2069\\u200b\\u200d\\ufeff\\u2028\\u2029\\u061c");
    }

    @Test
    void keepsOrdinaryTextUntouchedIncludingNonAscii() {
        String text = "José Ünlü – 東京 🐱 <a@b.c> 100%";
        assertThat(UntrustedText.line(text)).isSameAs(text);
        assertThat(UntrustedText.line(null)).isEmpty();
    }

    @Test
    void aForgedLineNeverBreaksTheLine() {
        String team = "Acme\nFAKE: + Authenticated as admin";
        assertThat(UntrustedText.line(team)).doesNotContain("\n").isEqualTo("Acme\\x0aFAKE: + Authenticated as admin");
    }

    @Test
    void layoutKeepsOurLineBreaksAndTabsButNoOtherControl() {
        assertThat(UntrustedText.layout("ok\r\n\tnext \u001b]8;;x\u0007 \u009b"))
                .isEqualTo("ok\r\n\tnext \\x1b]8;;x\\x07 \\x9b");
    }

    @Test
    void everyUnsafeCodePointIsEscapedToPrintableAscii() {
        IntStream.rangeClosed(0, 0x10ffff).filter(UntrustedText::isUnsafe).forEach(cp -> {
            String shown = UntrustedText.line(new String(Character.toChars(cp)));
            assertThat(shown.chars().allMatch(c -> c >= 0x20 && c < 0x7f)).as("U+%04X -> %s", cp, shown).isTrue();
        });
        assertThat(UntrustedText.isUnsafe(' ')).isFalse();
        assertThat(UntrustedText.isUnsafe('\u00a0')).isFalse();
    }
}

package dev.speckitty.shell.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.speckitty.shell.command.UsageException;
import org.junit.jupiter.api.Test;

class LineTokenizerTest {

    @Test
    void splitsOnWhitespace() {
        assertThat(LineTokenizer.tokenize("  auth   status\t--json ")).containsExactly("auth", "status", "--json");
    }

    @Test
    void keepsQuotedWhitespaceAndJoinsAdjacentParts() {
        assertThat(LineTokenizer.tokenize("sync now --report 'my report.json'")).containsExactly("sync", "now", "--report", "my report.json");
        assertThat(LineTokenizer.tokenize("a\"b c\"d")).containsExactly("ab cd");
    }

    @Test
    void singleQuotesAreLiteralDoubleQuotesHonourEscapes() {
        assertThat(LineTokenizer.tokenize("'a\\\"b'")).containsExactly("a\\\"b");
        assertThat(LineTokenizer.tokenize("\"say \\\"hi\\\" \\\\ \\n\"")).containsExactly("say \"hi\" \\ \\n");
        assertThat(LineTokenizer.tokenize("one\\ word")).containsExactly("one word");
    }

    @Test
    void emptyQuotesMakeAnEmptyWord() {
        assertThat(LineTokenizer.tokenize("x '' y")).containsExactly("x", "", "y");
    }

    @Test
    void blankLineHasNoWords() {
        assertThat(LineTokenizer.tokenize("   ")).isEmpty();
    }

    @Test
    void unterminatedQuotesAreUsageErrorsThatDoNotEchoTheLine() {
        assertThatThrownBy(() -> LineTokenizer.tokenize("auth 'secret-ish"))
                .isInstanceOf(UsageException.class).hasMessage("unterminated single quote");
        assertThatThrownBy(() -> LineTokenizer.tokenize("auth \"secret-ish"))
                .isInstanceOf(UsageException.class).hasMessage("unterminated double quote");
    }
}

package dev.speckitty.adapters.hosted;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.adapters.hosted.HostedUrlPolicy.Refusal;
import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one URL rule for the base URL and every discovered endpoint. */
class HostedUrlPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://app.spec-kitty.ai", "https://as.example/oauth/token", "HTTPS://as.example:8443/t",
            "http://127.0.0.1:8080", "http://127.9.9.9/x", "http://localhost:1/token", "http://[::1]:8080/t"})
    void acceptsHttpsAnywhereAndPlainHttpOnlyOnThisMachine(String url) {
        assertThat(HostedUrlPolicy.accepted(url)).contains(URI.create(url));
    }

    @ParameterizedTest
    @CsvSource({
            "http://app.spec-kitty.ai, PLAIN_HTTP_TO_ANOTHER_HOST",
            "http://10.0.0.5:8080/oauth/token, PLAIN_HTTP_TO_ANOTHER_HOST",
            "http://localhost.example.com, PLAIN_HTTP_TO_ANOTHER_HOST",
            "https://u:SECRET@as.example, CREDENTIALS",
            "http://SECRET@127.0.0.1, CREDENTIALS",
            "https://as.example/?token=SECRET, QUERY_OR_FRAGMENT",
            "https://as.example/token?x=1, QUERY_OR_FRAGMENT",
            "https://as.example/#SECRET, QUERY_OR_FRAGMENT",
            "http://127.0.0.1:8080/?token=SECRET, QUERY_OR_FRAGMENT",
            "ftp://as.example, NOT_AN_HTTP_URL",
            "javascript:alert(1), NOT_AN_HTTP_URL",
            "file:///etc/passwd, NOT_AN_HTTP_URL",
            "as.example/token, NOT_AN_HTTP_URL",
            "https://exa mple.test, NOT_AN_HTTP_URL"})
    void refusesWithTheRuleThatFailsAndNeverTheUrl(String url, Refusal expected) {
        HostedUrlPolicy.Verdict verdict = HostedUrlPolicy.check(url);
        assertThat(verdict.accepted()).isFalse();
        assertThat(verdict.refusal()).isEqualTo(expected);
        assertThat(verdict.uri()).isNull();
        assertThat(verdict.refusal().reason()).doesNotContain("SECRET", "as.example");
    }
}

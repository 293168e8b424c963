package dev.speckitty.shell.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.speckitty.domain.hosted.HostedAddress;
import dev.speckitty.domain.hosted.HostedUnavailableException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which hosted base URLs the CLI accepts: tokens never go out in clear text or next to credentials. */
class HostedTargetTest {

    @TempDir
    Path home;

    private HostedTarget target(String url) {
        return new HostedTarget(RuntimeEnvironment.of(Map.of(HostedTarget.URL_VARIABLE, url)),
                new MachineConfig(home.resolve("config.toml")));
    }

    @ParameterizedTest
    @CsvSource({
            "https://app.spec-kitty.ai/, https://app.spec-kitty.ai",
            "https://spec-kitty-dev.fly.dev, https://spec-kitty-dev.fly.dev",
            "http://127.0.0.1:8080, http://127.0.0.1:8080",
            "http://127.1.2.3:9, http://127.1.2.3:9",
            "http://localhost:8080/, http://localhost:8080",
            "http://[::1]:8080, http://[::1]:8080"})
    void acceptsHttpsAnywhereAndPlainHttpOnlyOnThisMachine(String url, String expected) {
        assertThat(target(url).baseUrl()).contains(expected);
    }

    @Test
    void theAddressIsFoundOnceAndIsAValue() throws java.io.IOException {
        HostedTarget target = new HostedTarget(RuntimeEnvironment.of(Map.of()), new MachineConfig(home.resolve("config.toml")));
        HostedAddress missing = target.address();
        java.nio.file.Files.writeString(home.resolve("config.toml"), "[sync]\nserver_url = \"https://app.spec-kitty.ai\"\n");

        assertThat(target.address()).isSameAs(missing);
        assertThat(missing).isInstanceOfSatisfying(HostedAddress.Unusable.class, unusable -> {
            assertThat(unusable.reason()).isEqualTo(HostedAddress.Reason.NOT_CONFIGURED);
            assertThat(unusable.message()).isEqualTo("No hosted server is configured. Set SPEC_KITTY_SAAS_URL, or set "
                    + "[sync] server_url in " + home.resolve("config.toml") + " (e.g. https://app.spec-kitty.ai), then try again.");
        });
        assertThat(target.baseUrl()).isEmpty();
        assertThat(target.ifConfigured("port")).isEmpty();
        assertThat(new HostedTarget(RuntimeEnvironment.of(Map.of()), new MachineConfig(home.resolve("config.toml")))
                .address()).isEqualTo(new HostedAddress.Configured("https://app.spec-kitty.ai"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://app.spec-kitty.ai", "http://10.0.0.5:8080", "http://128.0.0.1",
            "http://localhost.example.com"})
    void refusesPlainHttpToAnotherHost(String url) {
        Throwable refused = catchThrowable(() -> target(url).baseUrl());
        assertThat(refused).isInstanceOf(HostedUnavailableException.class)
                .hasMessage("The hosted server URL uses plain http:// for a host other than this machine; use https://.")
                .hasMessageNotContaining(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://user:SECRET_pw@app.spec-kitty.ai", "https://SECRET_token@app.spec-kitty.ai",
            "http://me:SECRET_pw@127.0.0.1:8080"})
    void refusesCredentialsInTheUrlWithoutEchoingThem(String url) {
        Throwable refused = catchThrowable(() -> target(url).baseUrl());
        assertThat(refused).isInstanceOf(HostedUnavailableException.class)
                .hasMessage("The hosted server URL must not carry a user name or password.")
                .hasMessageNotContaining("SECRET");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://app.spec-kitty.ai/?token=SECRET_x", "https://app.spec-kitty.ai/#SECRET_x",
            "http://127.0.0.1:8080/api?SECRET_x"})
    void refusesAQueryOrFragmentWithoutEchoingIt(String url) {
        Throwable refused = catchThrowable(() -> target(url).baseUrl());
        assertThat(refused).isInstanceOf(HostedUnavailableException.class)
                .hasMessage("The hosted server URL must not have a query (?…) or a fragment (#…).")
                .hasMessageNotContaining("SECRET");
    }
}

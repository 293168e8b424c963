package dev.speckitty.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CommandLineSettingsTest {

    @Test
    void noArgumentsGiveTheDefaults() {
        assertThat(CommandLineSettings.parse(new String[0])).isEqualTo(EmulatorSettings.defaults());
    }

    @Test
    void everyOptionIsRead() {
        EmulatorSettings settings = CommandLineSettings.parse(new String[] {"--port=4010", "--auto-approve",
                "--standard-only", "--no-discovery", "--no-private-team", "--me-without-private-team", "--no-slow-down",
                "--revoke-family-on-reuse", "--access-token-ttl=5", "--access-token-leeway=7", "--refresh-token-ttl=60", "--replay-window=3",
                "--replay-retry-after=2", "--device-interval=4", "--device-expires-in=30"});

        assertThat(settings).isEqualTo(EmulatorSettings.builder().port(4010).autoApprove(true).standardOnly(true)
                .discovery(false).privateTeam(false).meWithoutPrivateTeam(true).slowDown(false)
                .revokeFamilyOnReuse(true).accessTokenTtl(Duration.ofSeconds(5)).accessTokenLeeway(Duration.ofSeconds(7))
                .refreshTokenTtl(Duration.ofSeconds(60))
                .replayWindow(Duration.ofSeconds(3)).replayRetryAfterSeconds(2).deviceInterval(Duration.ofSeconds(4))
                .deviceExpiresIn(Duration.ofSeconds(30)).build());
    }

    @Test
    void badValuesAreUsageErrors() {
        assertThatThrownBy(() -> CommandLineSettings.parse(new String[] {"--port"})).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> CommandLineSettings.parse(new String[] {"--port=x"})).hasMessageContaining("whole number");
        assertThatThrownBy(() -> CommandLineSettings.parse(new String[] {"--port=70000"})).hasMessageContaining("0..65535");
        assertThatThrownBy(() -> CommandLineSettings.parse(new String[] {"--replay-window=-1"}))
                .hasMessageContaining("negative");
    }
}

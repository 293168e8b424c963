package dev.speckitty.shell.hermetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The guard itself: non-loopback names fail with an Error that catch (Exception) cannot swallow. */
class HermeticGuardTest {

    @AfterEach
    void forgetDeliberateViolations() {
        LoopbackOnlyResolverProvider.clearViolations();
    }

    @Test
    void resolvingTheHostedDevDeploymentFailsLoudly() {
        assertThatThrownBy(() -> InetAddress.getByName("spec-kitty-dev.fly.dev"))
                .isInstanceOf(NonLoopbackEgressError.class)
                .isNotInstanceOf(Exception.class);
        assertThat(LoopbackOnlyResolverProvider.violations()).containsExactly("spec-kitty-dev.fly.dev");
    }

    @Test
    void aCatchExceptionBoundaryCannotSwallowIt() {
        Throwable escaped = catchThrowable(() -> {
            try {
                InetAddress.getByName("spec-kitty-dev.fly.dev");
            } catch (Exception productionStyleBoundary) {
                // a production log-and-skip boundary would end up here
            }
        });
        assertThat(escaped).isInstanceOf(NonLoopbackEgressError.class);
    }

    @Test
    void anAttemptWrappedByAnHttpLibraryIsStillRecorded() {
        catchThrowable(() -> HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build().send(
                HttpRequest.newBuilder(URI.create("https://spec-kitty-dev.fly.dev/api/v1/me")).build(),
                HttpResponse.BodyHandlers.discarding()));
        assertThat(LoopbackOnlyResolverProvider.violations()).contains("spec-kitty-dev.fly.dev");
    }

    @Test
    void loopbackNamesStillResolve() throws Exception {
        assertThat(InetAddress.getByName("localhost").isLoopbackAddress()).isTrue();
        assertThat(InetAddress.getByName("127.0.0.1").isLoopbackAddress()).isTrue();
        assertThat(LoopbackOnlyResolverProvider.violations()).isEmpty();
    }
}

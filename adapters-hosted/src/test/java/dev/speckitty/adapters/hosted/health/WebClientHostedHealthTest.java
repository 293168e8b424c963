package dev.speckitty.adapters.hosted.health;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.speckitty.adapters.hosted.HostedEndpoints;
import dev.speckitty.adapters.hosted.HostedHttpSettings;
import dev.speckitty.domain.port.HostedHealth.Check;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import reactor.netty.http.HttpResources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebClientHostedHealthTest {

    private WireMockServer server;
    private WebClientHostedHealth health;

    @BeforeEach
    void start() {
        server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        health = new WebClientHostedHealth(HostedEndpoints.of("http://127.0.0.1:" + server.port()),
                HostedHttpSettings.defaults());
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void aHealthy200IsReachableWithoutCredentials() {
        server.stubFor(get("/api/v1/sync/health/").willReturn(aResponse().withStatus(200)));
        assertThat(health.reachable(Duration.ofSeconds(2))).isTrue();
        server.verify(1, getRequestedFor(urlEqualTo("/api/v1/sync/health/")).withoutHeader("Authorization"));
    }

    @Test
    void errorsSlownessAndRefusedConnectionsAreUnreachableEachWithItsOwnReason() {
        server.stubFor(get("/api/v1/sync/health/").willReturn(aResponse().withStatus(503)));
        assertThat(health.reachable(Duration.ofSeconds(2))).isFalse();
        server.stubFor(get("/api/v1/sync/health/").willReturn(aResponse().withStatus(500).withBody("boom")));
        assertThat(health.check(Duration.ofSeconds(2))).isEqualTo(Check.unreachable("the server answered HTTP 500"));

        server.stubFor(get("/api/v1/sync/health/").willReturn(aResponse().withStatus(200).withFixedDelay(2500)));
        assertThat(health.check(Duration.ofSeconds(1))).isEqualTo(Check.unreachable("no answer within 1 second"));

        WebClientHostedHealth refused = new WebClientHostedHealth(HostedEndpoints.of("http://127.0.0.1:1"),
                HostedHttpSettings.defaults());
        assertThat(refused.check(Duration.ofSeconds(2))).isEqualTo(Check.unreachable(
                "the connection was refused (nothing listens there, or a firewall said no)"));
    }

    @Test
    void aProcessStarvedOfCpuDoesNotBlameTheHost() throws Exception {
        server.stubFor(get("/api/v1/sync/health/").willReturn(aResponse().withStatus(200)));
        // Every client event loop of this JVM busy for 1.5 s: the request cannot even be sent sooner,
        // as when 64 CLI processes share 2 cores; the host then answers at once.
        var loops = HttpResources.get().onClient(true);
        CountDownLatch busy = new CountDownLatch(1);
        loops.forEach(loop -> loop.execute(() -> {
            busy.countDown();
            sleep(1_500);
        }));
        assertThat(busy.await(5, TimeUnit.SECONDS)).isTrue();

        assertThat(health.reachable(Duration.ofMillis(500))).isTrue();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}

package dev.speckitty.adapters.hosted;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.adapters.hosted.http.RetrySettings;
import dev.speckitty.adapters.hosted.ingress.WebClientEventIngress;
import dev.speckitty.adapters.hosted.tracker.WebClientTrackerService;
import dev.speckitty.domain.hosted.FailureCategory;
import dev.speckitty.domain.hosted.HostedFailure;
import dev.speckitty.domain.sync.EventResult;
import dev.speckitty.domain.sync.QueuedEvent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The wiring: cheap to build, and the batch ingress has its own (longer) timeout. */
class HostedAdaptersTest extends HostedWireMockTest {

    private static final List<QueuedEvent> ONE = List.of(new QueuedEvent("evt-1", "{\"event_id\":\"evt-1\"}"));
    private static final RetrySettings ONE_ATTEMPT =
            new RetrySettings(1, Duration.ofMillis(5), 2.0, Duration.ofMillis(20), Duration.ofMillis(2));

    @Test
    void buildingMakesNoRequestAndExposesIngressAndTracker() {
        HostedAdapters adapters = new HostedAdapters(endpoints, HostedHttpSettings.defaults());
        assertThat(adapters.eventIngress()).isInstanceOf(WebClientEventIngress.class);
        assertThat(adapters.trackerService()).isInstanceOf(WebClientTrackerService.class);
        server.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void theIngressTimeoutIsItsOwnNotTheCallTimeout() {
        server.stubFor(post(WebClientEventIngress.PATH).willReturn(aResponse().withStatus(200).withFixedDelay(700)
                .withBody("{\"results\":[{\"event_id\":\"evt-1\",\"status\":\"success\"}]}")));
        HostedHttpSettings shortCalls = HostedHttpSettings.defaults().withCallTimeout(Duration.ofMillis(200)).withRetry(ONE_ATTEMPT);

        // a 700 ms answer is within the ingress timeout although other calls would give up after 200 ms
        assertThat(new HostedAdapters(endpoints, shortCalls, Duration.ofSeconds(5)).eventIngress()
                .send(ONE, "t-private", secret(ACCESS))).containsExactly(new EventResult.Synced("evt-1"));

        List<EventResult> timedOut = seen(new HostedAdapters(endpoints, shortCalls.withCallTimeout(Duration.ofSeconds(5)),
                Duration.ofMillis(200)).eventIngress().send(ONE, "t-private", secret(ACCESS)));
        assertThat(timedOut).containsExactly(new EventResult.Failed("evt-1",
                new HostedFailure(FailureCategory.RETRYABLE_TRANSPORT, "Request timeout", null)));
        server.verify(2, postRequestedFor(urlEqualTo(WebClientEventIngress.PATH)));
        assertThat(HostedAdapters.DEFAULT_INGRESS_TIMEOUT).isEqualTo(Duration.ofSeconds(60));
    }
}

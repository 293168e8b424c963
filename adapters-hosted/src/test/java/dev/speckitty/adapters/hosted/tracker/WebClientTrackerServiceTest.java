package dev.speckitty.adapters.hosted.tracker;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.speckitty.adapters.hosted.HostedEndpoints;
import dev.speckitty.adapters.hosted.HostedWireMockTest;
import dev.speckitty.domain.tracker.TrackerResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tracker error mapping (behaviour.md §1.5, C4, C5). */
class WebClientTrackerServiceTest extends HostedWireMockTest {

    private static final String STATUS = "/api/v1/tracker/status";
    private final List<Duration> sleeps = new ArrayList<>();

    private WebClientTrackerService tracker() {
        return new WebClientTrackerService(endpoints, http, sleeps::add);
    }

    private TrackerResult status() {
        return seen(tracker().status("t-shared", secret(ACCESS)));
    }

    private void answer(int status, String body) {
        server.stubFor(get(STATUS).willReturn(aResponse().withStatus(status).withBody(body)));
    }

    @Test
    void okPassesTheTeamSlugAndBearer() {
        answer(200, "{\"connected\":true,\"items_available\":3}");
        assertThat(status()).isInstanceOfSatisfying(TrackerResult.Ok.class,
                ok -> assertThat(ok.body()).containsEntry("connected", true));
        server.verify(getRequestedFor(urlEqualTo(STATUS)).withHeader("X-Team-Slug", equalTo("t-shared"))
                .withHeader("Authorization", equalTo("Bearer " + ACCESS)));
    }

    @Test
    void envelopeErrorsAndNonJson() {
        answer(500, "{\"error_code\":\"internal_error\",\"message\":\"Something broke\"}");
        assertThat(status()).isInstanceOfSatisfying(TrackerResult.Failed.class, failed -> {
            assertThat(failed.message()).isEqualTo("Something broke");
            assertThat(failed.errorCode()).isEqualTo("internal_error");
            assertThat(failed.status()).isEqualTo(500);
        });
        answer(500, "<html>oops " + BODY_MARKER + "</html>");
        assertThat(status()).isInstanceOfSatisfying(TrackerResult.Failed.class,
                failed -> assertThat(failed.message()).isEqualTo("HTTP 500"));
        answer(403, "{\"error_code\":\"forbidden\",\"message\":\"No\",\"user_action_required\":true}");
        assertThat(status()).isInstanceOfSatisfying(TrackerResult.Failed.class, failed -> assertThat(failed.message())
                .isEqualTo("No (action required — check the Spec Kitty dashboard)"));
        answer(401, "{}");
        assertThat(status()).isInstanceOf(TrackerResult.Unauthorized.class);
    }

    @Test
    void a429WaitsAndRetriesOnce() {
        server.stubFor(get(STATUS).inScenario("rl").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withBody("{\"message\":\"Rate limited\",\"retry_after_seconds\":1}"))
                .willSetStateTo("ok"));
        server.stubFor(get(STATUS).inScenario("rl").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200).withBody("{\"connected\":true}")));
        assertThat(status()).isInstanceOf(TrackerResult.Ok.class);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void twoRateLimitsAreRateLimitedWithTheSecondMessage() {
        answer(429, "{\"message\":\"Still limited\"}");
        assertThat(status()).isInstanceOfSatisfying(TrackerResult.Failed.class, failed -> {
            assertThat(failed.errorCode()).isEqualTo("rate_limited");
            assertThat(failed.message()).isEqualTo("Still limited");
        });
        assertThat(sleeps).containsExactly(Duration.ofSeconds(5));
    }

    @Test
    void pullPostsAndAnUnreachableHostIsRetryableTransport() {
        server.stubFor(post("/api/v1/tracker/pull").willReturn(aResponse().withStatus(200).withBody("{\"pulled\":2}")));
        assertThat(seen(tracker().pull("t-shared", secret(ACCESS)))).isInstanceOf(TrackerResult.Ok.class);

        WebClientTrackerService down = new WebClientTrackerService(HostedEndpoints.of("http://127.0.0.1:1"), http, sleeps::add);
        assertThat(seen(down.status("t", secret(ACCESS)))).isInstanceOfSatisfying(TrackerResult.Unreachable.class,
                unreachable -> assertThat(unreachable.message())
                        .isEqualTo("Cannot connect to Spec Kitty SaaS at http://127.0.0.1:1. Check your network connection."));
    }
}

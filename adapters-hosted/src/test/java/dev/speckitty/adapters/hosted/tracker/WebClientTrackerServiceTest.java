package dev.speckitty.adapters.hosted.tracker;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.speckitty.adapters.hosted.HostedEndpoints;
import dev.speckitty.adapters.hosted.HostedWireMockTest;
import dev.speckitty.domain.tracker.TrackerResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tracker error mapping (docs/spec/behaviour.md §1.5, C4, C5). */
class WebClientTrackerServiceTest extends HostedWireMockTest {

    private static final String STATUS = "/api/v1/tracker/status";
    private static final String PULL = "/api/v1/tracker/pull";
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

    private void answerTwice(int first, String firstBody, int second, String secondBody) {
        server.stubFor(get(STATUS).inScenario("two").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(first).withBody(firstBody)).willSetStateTo("second"));
        server.stubFor(get(STATUS).inScenario("two").whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(second).withBody(secondBody)));
    }

    private TrackerResult.Failed failed() {
        TrackerResult result = status();
        assertThat(result).isInstanceOf(TrackerResult.Failed.class);
        return (TrackerResult.Failed) result;
    }

    @Test
    void statusSendsTheTeamSlugAndBearerAndKeepsTheBodyInOrder() {
        answer(200, "{\"team_slug\":\"t-shared\",\"provider\":\"emulator\",\"connected\":true,\"items_available\":3}");
        assertThat(status()).isInstanceOfSatisfying(TrackerResult.Ok.class, ok -> {
            assertThat(ok.body()).containsExactly(Map.entry("team_slug", "t-shared"), Map.entry("provider", "emulator"),
                    Map.entry("connected", true), Map.entry("items_available", 3));
            assertThat(ok.toString()).isEqualTo("Ok[keys=[team_slug, provider, connected, items_available]]");
        });
        server.verify(1, getRequestedFor(urlEqualTo(STATUS)).withHeader("X-Team-Slug", equalTo("t-shared"))
                .withHeader("Authorization", equalTo("Bearer " + ACCESS)));
    }

    @Test
    void pullPostsWithTheTeamSlugAndBearer() {
        server.stubFor(post(PULL).willReturn(aResponse().withStatus(200)
                .withBody("{\"team_slug\":\"t-shared\",\"pulled\":2,\"items\":[{\"id\":\"TRK-1\"}]}")));
        assertThat(seen(tracker().pull("t-shared", secret(ACCESS)))).isInstanceOfSatisfying(TrackerResult.Ok.class,
                ok -> assertThat(ok.body()).containsEntry("pulled", 2).containsEntry("items", List.of(Map.of("id", "TRK-1"))));
        server.verify(1, postRequestedFor(urlEqualTo(PULL)).withHeader("X-Team-Slug", equalTo("t-shared"))
                .withHeader("Authorization", equalTo("Bearer " + ACCESS))
                .withHeader("Content-Type", equalTo("application/json")));
    }

    @Test
    void c4_a500EnvelopeGivesItsCodeAndMessage() {
        answer(500, "{\"error_code\":\"internal_error\",\"category\":\"server_error\",\"message\":\"Something broke\","
                + "\"retryable\":true,\"source\":\"tracker\",\"extra\":\"" + BODY_MARKER + "\"}");
        TrackerResult.Failed failed = failed();
        assertThat(failed.errorCode()).isEqualTo("internal_error");
        assertThat(failed.message()).isEqualTo("Something broke");
        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.userActionRequired()).isFalse();
        // details are the envelope's known fields only: unknown keys never travel on
        assertThat(failed.details()).containsExactly(Map.entry("error_code", "internal_error"),
                Map.entry("category", "server_error"), Map.entry("message", "Something broke"),
                Map.entry("source", "tracker"), Map.entry("retryable", true));
        server.verify(1, getRequestedFor(urlEqualTo(STATUS)));
    }

    @Test
    void c4_aNonJson500IsHttpStatusOnly() {
        answer(500, "<html>oops " + BODY_MARKER + " " + ACCESS + "</html>");
        TrackerResult.Failed failed = failed();
        assertThat(failed.message()).isEqualTo("HTTP 500");
        assertThat(failed.errorCode()).isNull();
        assertThat(failed.details()).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "403|{\"error_code\":\"forbidden\",\"message\":\"No\",\"user_action_required\":true}|forbidden|No (action required — check the Spec Kitty dashboard)|true",
        "403|{\"error_code\":\"forbidden\",\"user_action_required\":true}|forbidden|HTTP 403 (action required — check the Spec Kitty dashboard)|true",
        "404|{\"error_code\":\"not_bound\",\"message\":\"No binding\",\"user_action_required\":false}|not_bound|No binding|false",
        "409|{\"message\":\"Conflict\"}||Conflict|false",
        "400|{\"error_code\":\"has spaces in it\",\"message\":\"m\"}||m|false",
        "502|||HTTP 502|false",
        "302|||HTTP 302|false"})
    void otherErrorStatusesMapTheEnvelope(int status, String body, String code, String message, boolean actionRequired) {
        answer(status, body == null ? "" : body);
        TrackerResult.Failed failed = failed();
        assertThat(failed.errorCode()).isEqualTo(code);
        assertThat(failed.message()).isEqualTo(message);
        assertThat(failed.status()).isEqualTo(status);
        assertThat(failed.userActionRequired()).isEqualTo(actionRequired);
        server.verify(1, getRequestedFor(urlEqualTo(STATUS)));
    }

    @Test
    void a401IsUnauthorizedForTheCallerToRefresh() {
        answer(401, "{\"error_code\":\"token_expired\"}");
        assertThat(status()).isInstanceOf(TrackerResult.Unauthorized.class);
        server.verify(1, getRequestedFor(urlEqualTo(STATUS)));
    }

    @Test
    void aNonJson200IsAFailureNotAnEmptyAnswer() {
        answer(200, "<html>" + BODY_MARKER + "</html>");
        TrackerResult.Failed failed = failed();
        assertThat(failed.errorCode()).isEqualTo("invalid_response");
        assertThat(failed.message()).isEqualTo("HTTP 200 (the answer was not a JSON object)");
    }

    @Test
    void anOversizedBodyIsDroppedUnreadAndTheStatusStillDecides() {
        String huge = "{\"error_code\":\"internal_error\",\"message\":\"" + BODY_MARKER + "x".repeat(300 * 1024) + "\"}";
        answer(500, huge);
        TrackerResult.Failed failed = failed();
        assertThat(failed.message()).isEqualTo("HTTP 500");
        assertThat(failed.errorCode()).isNull();
        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.details()).isEmpty();

        server.resetAll();
        answer(200, huge);
        TrackerResult.Failed ok = failed();
        assertThat(ok.errorCode()).isEqualTo("invalid_response");
        assertThat(ok.message()).isEqualTo("HTTP 200 (the answer was too large)");

        server.resetAll();
        answer(401, huge);
        assertThat(status()).isInstanceOf(TrackerResult.Unauthorized.class);
    }

    @Test
    void c5_a429WaitsTheAnnouncedTimeAndRetriesOnce() {
        answerTwice(429, "{\"message\":\"Rate limited\",\"retry_after_seconds\":1}", 200, "{\"connected\":true}");
        assertThat(status()).isInstanceOf(TrackerResult.Ok.class);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(1));
        server.verify(2, getRequestedFor(urlEqualTo(STATUS)));
    }

    @Test
    void c5_aRealSleeperWaitsAboutOneSecond() {
        answerTwice(429, "{\"message\":\"Rate limited\",\"retry_after_seconds\":1}", 200, "{\"connected\":true}");
        long started = System.nanoTime();
        TrackerResult result = seen(new WebClientTrackerService(endpoints, http, duration -> Thread.sleep(duration))
                .status("t-shared", secret(ACCESS)));
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(result).isInstanceOf(TrackerResult.Ok.class);
        assertThat(millis).isBetween(950L, 5000L);
    }

    @Test
    void c5_twoRateLimitsAreRateLimitedWithTheSecondMessage() {
        answerTwice(429, "{\"message\":\"Rate limited\",\"retry_after_seconds\":2}", 429,
                "{\"message\":\"Still limited\",\"retry_after_seconds\":7}");
        TrackerResult.Failed failed = failed();
        assertThat(failed.errorCode()).isEqualTo("rate_limited");
        assertThat(failed.message()).isEqualTo("Still limited");
        assertThat(failed.status()).isEqualTo(429);
        assertThat(failed.details()).containsEntry("retry_after_seconds", 7L);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(2));
        server.verify(2, getRequestedFor(urlEqualTo(STATUS)));
    }

    @Test
    void twoRateLimitsWithoutAnEnvelopeUseTheDefaultWaitAndMessage() {
        answer(429, "slow down");
        TrackerResult.Failed failed = failed();
        assertThat(failed.errorCode()).isEqualTo("rate_limited");
        assertThat(failed.message()).isEqualTo("Rate limited by SaaS API.");
        assertThat(sleeps).containsExactly(Duration.ofSeconds(5));
    }

    @ParameterizedTest
    @CsvSource({"120,30", "30,30", "0,0", "-4,0", "\"3\",3"})
    void theWaitIsCappedAtThirtySeconds(String retryAfter, long expectedSeconds) {
        answerTwice(429, "{\"retry_after_seconds\":" + retryAfter + "}", 200, "{}");
        assertThat(status()).isInstanceOf(TrackerResult.Ok.class);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(expectedSeconds));
    }

    @Test
    void a429ThenAnotherErrorMapsTheSecondAnswer() {
        answerTwice(429, "{}", 503, "{\"error_code\":\"maintenance\",\"message\":\"Back soon\"}");
        TrackerResult.Failed failed = failed();
        assertThat(failed.errorCode()).isEqualTo("maintenance");
        assertThat(failed.status()).isEqualTo(503);
    }

    @Test
    void anInterruptedWaitStopsWithoutASecondCall() {
        answer(429, "{\"retry_after_seconds\":1}");
        WebClientTrackerService interrupted = new WebClientTrackerService(endpoints, http, duration -> {
            throw new InterruptedException();
        });
        try {
            TrackerResult result = seen(interrupted.status("t-shared", secret(ACCESS)));
            assertThat(result).isInstanceOfSatisfying(TrackerResult.Failed.class,
                    failed -> assertThat(failed.errorCode()).isEqualTo("interrupted"));
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted(); // clear the flag for the next test
        }
        server.verify(1, getRequestedFor(urlEqualTo(STATUS)));
    }

    @Test
    void anUnreachableHostIsReportedWithTheBaseUrl() {
        WebClientTrackerService down = new WebClientTrackerService(HostedEndpoints.of("http://127.0.0.1:1"), http, sleeps::add);
        assertThat(seen(down.pull("t", secret(ACCESS)))).isEqualTo(new TrackerResult.Unreachable(
                "Cannot connect to Spec Kitty SaaS at http://127.0.0.1:1. Check your network connection."));
    }

    @Test
    void aTimeoutOrResetIsUnreachableToo() {
        server.stubFor(get(STATUS).willReturn(aResponse().withStatus(200).withFixedDelay(SLOW_MILLIS)));
        assertThat(status()).isEqualTo(new TrackerResult.Unreachable(
                "Cannot connect to Spec Kitty SaaS at " + baseUrl() + ". Check your network connection."));

        server.resetAll();
        server.stubFor(get(STATUS).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertThat(status()).isInstanceOf(TrackerResult.Unreachable.class);
        server.verify(1, getRequestedFor(urlEqualTo(STATUS)));
    }

    @Test
    void tokensInEnvelopesAreRedactedAndBodiesNeverReachToString() {
        answer(400, "{\"error_code\":\"" + ACCESS + "\",\"message\":\"bad bearer " + ACCESS + "\",\"source\":\"" + BODY_MARKER
                + "-1234567890\"}");
        TrackerResult.Failed failed = failed();
        assertThat(failed.message()).isEqualTo("bad bearer [redacted]");
        assertThat(failed.errorCode()).isNull();
        assertThat(failed.toString()).doesNotContain(ACCESS).doesNotContain(BODY_MARKER);
        assertThat(String.valueOf(failed.details())).doesNotContain(ACCESS).doesNotContain(BODY_MARKER);

        answer(200, "{\"note\":\"" + BODY_MARKER + "\"}");
        assertThat(status().toString()).isEqualTo("Ok[keys=[note]]");
    }
}

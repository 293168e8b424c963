package dev.speckitty.adapters.hosted.ingress;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.speckitty.adapters.hosted.HostedWireMockTest;
import dev.speckitty.domain.hosted.FailureCategory;
import dev.speckitty.domain.sync.EventResult;
import dev.speckitty.domain.sync.QueuedEvent;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Batch ingress classification against exact wire answers (behaviour.md §1.3, scenarios A). */
class WebClientEventIngressTest extends HostedWireMockTest {

    private static final String PATH = "/api/v1/events/batch/";

    private List<EventResult> send(int events) {
        List<QueuedEvent> batch = IntStream.rangeClosed(1, events)
                .mapToObj(i -> new QueuedEvent("evt-" + i, "{\"event_id\":\"evt-" + i + "\",\"event_type\":\"t\"}"))
                .toList();
        return seen(new WebClientEventIngress(endpoints, http, retry).send(batch, "t-private", secret(ACCESS)));
    }

    private void answer(int status, String body) {
        server.stubFor(post(PATH).willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(body)));
    }

    private static Map<FailureCategory, Long> categories(List<EventResult> results) {
        return results.stream().filter(r -> r instanceof EventResult.Failed).map(r -> ((EventResult.Failed) r).failure().category())
                .collect(Collectors.groupingBy(c -> c, Collectors.counting()));
    }

    private static EventResult.Failed first(List<EventResult> results) {
        return (EventResult.Failed) results.getFirst();
    }

    @Test
    void sendsGzipJsonToThePrivateTeamWithTheBearer() throws IOException {
        answer(200, "{\"results\":[{\"event_id\":\"evt-1\",\"status\":\"success\"},{\"event_id\":\"evt-2\",\"status\":\"success\"}]}");

        assertThat(send(2)).allMatch(r -> r instanceof EventResult.Synced);

        LoggedRequest request = server.findAll(postRequestedFor(urlEqualTo(PATH))).getFirst();
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + ACCESS);
        assertThat(request.getHeader("X-Team-Slug")).isEqualTo("t-private");
        assertThat(request.getHeader("Content-Encoding")).isEqualTo("gzip");
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        // WireMock inflates a request whose Content-Encoding is gzip: a readable body proves valid gzip.
        String json = request.getBodyAsString();
        assertThat(json).isEqualTo("{\"events\":[{\"event_id\":\"evt-1\",\"event_type\":\"t\"},"
                + "{\"event_id\":\"evt-2\",\"event_type\":\"t\"}]}");
    }

    @Test
    void a403NamingThePrivateTeamspaceIsItsOwnCategoryNeverServerError() {
        answer(403, "{\"category\":\"direct_ingress_missing_private_team\",\"message\":\"Private Teamspace is required for direct ingress.\"}");

        List<EventResult> results = send(5);

        assertThat(categories(results)).containsExactly(Map.entry(FailureCategory.DIRECT_INGRESS_MISSING_PRIVATE_TEAM, 5L));
        assertThat(first(results).failure().message()).isEqualTo("Private Teamspace is required for direct ingress.");
        assertThat(first(results).failure().httpStatus()).isEqualTo(403);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"error_description\":\"Direct sync ingress must target Private Teamspace.\"}|direct_ingress_missing_private_team",
        "{\"detail\":\"private team needed for direct ingress\"}|direct_ingress_missing_private_team",
        "{\"error_code\":\"direct_ingress_missing_private_team\"}|direct_ingress_missing_private_team",
        "{\"message\":\"Forbidden\"}|unauthorized",
        "not json|unauthorized"})
    void theMissingPrivateTeamPredicateScansEveryField(String body, String category) {
        answer(403, body);
        assertThat(first(send(1)).failure().category().machineName()).isEqualTo(category);
    }

    @Test
    void anOrdinary403IsUnauthorizedWithTheServerMessage() {
        answer(403, "{\"message\":\"Forbidden\"}");
        EventResult.Failed failed = first(send(5));
        assertThat(failed.failure().category()).isEqualTo(FailureCategory.UNAUTHORIZED);
        assertThat(failed.failure().message()).isEqualTo("Forbidden");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "500|{\"message\":\"boom\"}|server_error|boom",
        "502||server_error|HTTP 502",
        "503||server_error|HTTP 503",
        "504||server_error|HTTP 504",
        "408||retryable_transport|HTTP 408",
        "429|{\"message\":\"slow down\"}|retryable_transport|slow down",
        "401|{\"error\":\"whatever\"}|auth_expired|Authentication failed",
        "418|{\"error\":\"invalid payload\"}|schema_mismatch|invalid payload",
        "418||unknown|HTTP 418"})
    void batchLevelStatuses(int status, String body, String category, String message) {
        answer(status, body == null ? "" : body);
        EventResult.Failed failed = first(send(3));
        assertThat(failed.failure().category().machineName()).isEqualTo(category);
        assertThat(failed.failure().message()).isEqualTo(message);
        assertThat(categories(send(3))).hasSize(1);
    }

    @Test
    void perEventResultsOfA200() {
        answer(200, "{\"results\":["
                + "{\"event_id\":\"evt-1\",\"status\":\"success\"},{\"event_id\":\"evt-2\",\"status\":\"accepted\"},"
                + "{\"event_id\":\"evt-3\",\"status\":\"warning\"},{\"event_id\":\"evt-4\",\"status\":\"duplicate\"},"
                + "{\"event_id\":\"evt-5\",\"status\":\"rejected\",\"error_message\":\"Invalid schema\"},"
                + "{\"event_id\":\"evt-6\",\"status\":\"error\",\"error\":\"Token expired\"}]}");

        List<EventResult> results = send(7);

        assertThat(results.subList(0, 3)).allMatch(r -> r instanceof EventResult.Synced);
        assertThat(results.get(3)).isInstanceOf(EventResult.Duplicate.class);
        assertThat(((EventResult.Failed) results.get(4)).failure().category()).isEqualTo(FailureCategory.SCHEMA_MISMATCH);
        assertThat(((EventResult.Failed) results.get(5)).failure().category()).isEqualTo(FailureCategory.AUTH_EXPIRED);
        assertThat(((EventResult.Failed) results.get(6)).failure().message()).isEqualTo("No result returned for event");
    }

    @Test
    void structuredBadRequestDetailsAsAListOrAJsonString() {
        answer(400, "{\"error\":\"Bad batch\",\"details\":[{\"event_id\":\"evt-1\",\"error\":\"Missing field type\"},"
                + "{\"event_id\":\"evt-2\",\"reason\":\"request timeout upstream\"}]}");
        List<EventResult> results = send(3);
        assertThat(((EventResult.Failed) results.get(0)).failure().category()).isEqualTo(FailureCategory.SCHEMA_MISMATCH);
        assertThat(((EventResult.Failed) results.get(1)).failure().category()).isEqualTo(FailureCategory.RETRYABLE_TRANSPORT);
        assertThat(((EventResult.Failed) results.get(2)).failure().message()).isEqualTo("Bad batch");

        answer(400, "{\"error\":\"Bad batch\",\"details\":\"[{\\\"event_id\\\":\\\"evt-1\\\",\\\"error\\\":\\\"schema broken\\\"}]\"}");
        assertThat(((EventResult.Failed) send(1).getFirst()).failure().category()).isEqualTo(FailureCategory.SCHEMA_MISMATCH);

        answer(400, "{\"details\":\"something else\"}");
        assertThat(first(send(1)).failure().message()).isEqualTo("Bad request Details: something else");
    }

    @Test
    void aTimeoutIsRetryableTransportNeverServerError() {
        server.stubFor(post(PATH).willReturn(aResponse().withStatus(200).withFixedDelay(SLOW_MILLIS)));
        EventResult.Failed failed = first(send(2));
        assertThat(failed.failure().category()).isEqualTo(FailureCategory.RETRYABLE_TRANSPORT);
        assertThat(failed.failure().message()).isEqualTo("Request timeout");
    }

    @Test
    void aConnectionResetIsAConnectionError() {
        server.stubFor(post(PATH).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        EventResult.Failed failed = first(send(1));
        assertThat(failed.failure().category()).isEqualTo(FailureCategory.RETRYABLE_TRANSPORT);
        assertThat(failed.failure().message()).startsWith("Connection error:");
    }

    @Test
    void transientStatusesAreRetriedAndOthersAreNot() {
        answer(503, "");
        send(1);
        server.verify(3, postRequestedFor(urlEqualTo(PATH)));

        server.resetRequests();
        answer(403, "{\"message\":\"Forbidden\"}");
        send(1);
        server.verify(1, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void aServerMessageCarryingTheTokenIsRedacted() {
        answer(500, "{\"message\":\"bad token " + ACCESS + "\"}");
        assertThat(first(send(1)).failure().message()).doesNotContain(ACCESS);
    }

    @Test
    void classificationIsDeterministic() {
        answer(403, "{\"category\":\"direct_ingress_missing_private_team\",\"message\":\"Private Teamspace is required.\"}");
        Map<FailureCategory, Long> first = categories(send(4));
        for (int run = 0; run < 5; run++) {
            assertThat(categories(send(4))).isEqualTo(first);
        }
    }
}

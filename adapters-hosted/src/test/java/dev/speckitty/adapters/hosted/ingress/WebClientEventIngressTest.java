package dev.speckitty.adapters.hosted.ingress;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import dev.speckitty.adapters.hosted.HostedEndpoints;
import dev.speckitty.adapters.hosted.HostedHttpSettings;
import dev.speckitty.adapters.hosted.HostedWireMockTest;
import dev.speckitty.adapters.hosted.http.HostedHttpClient;
import dev.speckitty.adapters.hosted.http.IdempotentRetry;
import dev.speckitty.adapters.hosted.http.RetrySettings;
import dev.speckitty.domain.hosted.FailureCategory;
import dev.speckitty.domain.hosted.HostedFailure;
import dev.speckitty.domain.sync.EventResult;
import dev.speckitty.domain.sync.QueuedEvent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Batch ingress classification against exact wire answers (docs/spec/behaviour.md §1.3, scenarios A). */
class WebClientEventIngressTest extends HostedWireMockTest {

    private static final String PATH = "/api/v1/events/batch/";
    private static final String A1_BODY =
            "{\"category\":\"direct_ingress_missing_private_team\",\"message\":\"Private Teamspace is required for direct ingress.\"}";
    private static final String A12_BODY = "{\"results\":["
            + "{\"event_id\":\"evt-1\",\"status\":\"success\"},{\"event_id\":\"evt-2\",\"status\":\"accepted\"},"
            + "{\"event_id\":\"evt-3\",\"status\":\"warning\"},{\"event_id\":\"evt-4\",\"status\":\"duplicate\"},"
            + "{\"event_id\":\"evt-5\",\"status\":\"rejected\",\"error_message\":\"Invalid schema\"},"
            + "{\"event_id\":\"evt-6\",\"status\":\"error\",\"error\":\"Token expired\"}]}";

    private static List<QueuedEvent> batch(int events) {
        return IntStream.rangeClosed(1, events)
                .mapToObj(i -> new QueuedEvent("evt-" + i, "{\"event_id\":\"evt-" + i + "\",\"event_type\":\"t\"}"))
                .toList();
    }

    private WebClientEventIngress ingress() {
        return new WebClientEventIngress(endpoints, http, retry);
    }

    /** An ingress with its own call timeout and attempt count (the production default is 60 s, 3 attempts). */
    private WebClientEventIngress ingress(HostedEndpoints at, Duration timeout, int attempts) {
        RetrySettings fast = RetrySettings.fast();
        HostedHttpSettings settings = HostedHttpSettings.defaults().withCallTimeout(timeout).withRetry(
                new RetrySettings(attempts, fast.initialDelay(), fast.multiplier(), fast.maxDelay(), fast.jitter()));
        return new WebClientEventIngress(at, HostedHttpClient.create(settings), new IdempotentRetry(settings.retry()));
    }

    private List<EventResult> send(int events) {
        return send(ingress(), events);
    }

    private List<EventResult> send(WebClientEventIngress ingress, int events) {
        List<EventResult> results = seen(ingress.send(batch(events), "t-private", secret(ACCESS)));
        assertThat(results).extracting(EventResult::eventId)
                .containsExactlyElementsOf(batch(events).stream().map(QueuedEvent::eventId).toList());
        return results;
    }

    private void answer(int status, String body) {
        server.stubFor(post(PATH).willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(body)));
    }

    private static Map<String, Long> categories(List<EventResult> results) {
        return results.stream().filter(r -> r instanceof EventResult.Failed)
                .map(r -> ((EventResult.Failed) r).failure().category().machineName())
                .collect(Collectors.groupingBy(c -> c, LinkedHashMap::new, Collectors.counting()));
    }

    private static HostedFailure failure(List<EventResult> results, int index) {
        assertThat(results.get(index)).isInstanceOf(EventResult.Failed.class);
        return ((EventResult.Failed) results.get(index)).failure();
    }

    private static HostedFailure first(List<EventResult> results) {
        return failure(results, 0);
    }

    /** Every event carries the same batch-level failure. */
    private static HostedFailure allSame(List<EventResult> results) {
        HostedFailure shared = first(results);
        assertThat(results).allSatisfy(r -> assertThat(((EventResult.Failed) r).failure()).isEqualTo(shared));
        return shared;
    }

    // ---- the request -------------------------------------------------------------------------

    @Test
    void theExactGzipBodyAndHeadersOnTheWire() throws IOException {
        // WireMock inflates gzip request bodies before recording them, so the raw bytes are captured
        // with the JDK's server, bound to loopback like WireMock.
        AtomicReference<byte[]> raw = new AtomicReference<>();
        AtomicReference<Headers> headers = new AtomicReference<>();
        HttpServer capture = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        capture.createContext(PATH, exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                raw.set(in.readAllBytes());
            }
            headers.set(exchange.getRequestHeaders());
            byte[] answer = ("{\"results\":[{\"event_id\":\"evt-1\",\"status\":\"success\"},"
                    + "{\"event_id\":\"e 2\",\"status\":\"duplicate\"}]}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        capture.start();
        try {
            HostedEndpoints at = HostedEndpoints.of("http://127.0.0.1:" + capture.getAddress().getPort());
            // each event's JSON goes out exactly as queued: spacing, key order and non-ASCII kept
            List<QueuedEvent> events = List.of(new QueuedEvent("evt-1", "{\"event_id\":\"evt-1\",\"b\":1,\"a\":\"é\"}"),
                    new QueuedEvent("e 2", "{ \"event_id\" : \"e 2\", \"nested\": {\"x\": [1, 2]} }"));

            List<EventResult> results = seen(ingress(at, Duration.ofSeconds(5), 1).send(events, "t-private", secret(ACCESS)));

            assertThat(results).containsExactly(new EventResult.Synced("evt-1"), new EventResult.Duplicate("e 2"));
            byte[] body = raw.get();
            assertThat(body[0]).isEqualTo((byte) 0x1f);
            assertThat(body[1]).isEqualTo((byte) 0x8b);
            try (GZIPInputStream gunzip = new GZIPInputStream(new ByteArrayInputStream(body))) {
                assertThat(new String(gunzip.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"events\":["
                        + "{\"event_id\":\"evt-1\",\"b\":1,\"a\":\"é\"},{ \"event_id\" : \"e 2\", \"nested\": {\"x\": [1, 2]} }]}");
            }
            assertThat(headers.get().getFirst("Authorization")).isEqualTo("Bearer " + ACCESS);
            assertThat(headers.get().getFirst("Content-Encoding")).isEqualTo("gzip");
            assertThat(headers.get().getFirst("Content-Type")).isEqualTo("application/json");
            assertThat(headers.get().getFirst("X-Team-Slug")).isEqualTo("t-private");
            assertThat(headers.get().get("Authorization")).hasSize(1);
        } finally {
            capture.stop(0);
        }
    }

    @Test
    void wireMockSeesTheSameRequest() {
        answer(200, "{\"results\":[{\"event_id\":\"evt-1\",\"status\":\"success\"},{\"event_id\":\"evt-2\",\"status\":\"success\"}]}");

        assertThat(send(2)).allMatch(r -> r instanceof EventResult.Synced);

        LoggedRequest request = server.findAll(postRequestedFor(urlEqualTo(PATH))).getFirst();
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + ACCESS);
        assertThat(request.getHeader("X-Team-Slug")).isEqualTo("t-private");
        assertThat(request.getHeader("Content-Encoding")).isEqualTo("gzip");
        assertThat(request.getBodyAsString()).isEqualTo("{\"events\":[{\"event_id\":\"evt-1\",\"event_type\":\"t\"},"
                + "{\"event_id\":\"evt-2\",\"event_type\":\"t\"}]}");
    }

    @Test
    void anEmptyBatchMakesNoRequest() {
        assertThat(ingress().send(List.of(), "t-private", secret(ACCESS))).isEmpty();
        server.verify(0, postRequestedFor(urlEqualTo(PATH)));
    }

    // ---- 403 -----------------------------------------------------------------------------------

    @Test
    void a1_a403NamingThePrivateTeamspaceIsItsOwnCategoryNeverServerError() {
        answer(403, A1_BODY);

        List<EventResult> results = send(5);

        assertThat(categories(results)).containsExactly(Map.entry("direct_ingress_missing_private_team", 5L));
        assertThat(allSame(results)).isEqualTo(new HostedFailure(FailureCategory.DIRECT_INGRESS_MISSING_PRIVATE_TEAM,
                "Private Teamspace is required for direct ingress.", 403));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        // each scanned field on its own
        "{\"category\":\"direct_ingress_missing_private_team\"}|direct_ingress_missing_private_team|HTTP 403",
        "{\"error_code\":\"DIRECT_INGRESS_MISSING_PRIVATE_TEAM\"}|direct_ingress_missing_private_team|HTTP 403",
        "{\"error\":\"Private Teamspace required\"}|direct_ingress_missing_private_team|Private Teamspace required",
        "{\"message\":\"Needs a PRIVATE TEAMSPACE\"}|direct_ingress_missing_private_team|Needs a PRIVATE TEAMSPACE",
        "{\"detail\":\"private team needed for direct ingress\"}|direct_ingress_missing_private_team|private team needed for direct ingress",
        "{\"error_description\":\"Direct sync ingress must target Private Teamspace.\"}|direct_ingress_missing_private_team|HTTP 403",
        // 'private team' and 'direct ingress' may come from two different fields
        "{\"error\":\"private team\",\"detail\":\"direct ingress refused\"}|direct_ingress_missing_private_team|direct ingress refused",
        // not enough: one half only, an unscanned field, a non-string value, or no JSON
        "{\"message\":\"private team only\"}|unauthorized|private team only",
        "{\"message\":\"direct ingress only\"}|unauthorized|direct ingress only",
        "{\"hint\":\"private teamspace\",\"message\":\"Forbidden\"}|unauthorized|Forbidden",
        "{\"message\":\"Forbidden\"}|unauthorized|Forbidden",
        "{}|unauthorized|HTTP 403",
        "not json private teamspace|unauthorized|HTTP 403",
        "|unauthorized|HTTP 403"})
    void a4_theMissingPrivateTeamPredicateScansEveryNamedField(String body, String category, String message) {
        answer(403, body == null ? "" : body);
        HostedFailure failure = allSame(send(2));
        assertThat(failure.category().machineName()).isEqualTo(category);
        assertThat(failure.message()).isEqualTo(message);
        assertThat(failure.httpStatus()).isEqualTo(403);
    }

    @Test
    void a4_anOrdinary403IsUnauthorizedWithTheServerMessageAndNoAction() {
        answer(403, "{\"message\":\"Forbidden\"}");
        HostedFailure failure = allSame(send(5));
        assertThat(failure.category()).isEqualTo(FailureCategory.UNAUTHORIZED);
        assertThat(failure.category().action()).isEmpty();
        assertThat(failure.message()).isEqualTo("Forbidden");
    }

    // ---- other statuses ------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "500|{\"message\":\"boom\"}|server_error|boom",
        "500|{\"detail\":\"d\",\"error\":\"e\"}|server_error|d",
        "500|{\"message\":\"  \",\"error\":\"e\"}|server_error|e",
        "502||server_error|HTTP 502",
        "503||server_error|HTTP 503",
        "504||server_error|HTTP 504",
        "599|<html>gateway</html>|server_error|HTTP 599",
        "408||retryable_transport|HTTP 408",
        "429|{\"message\":\"slow down\"}|retryable_transport|slow down",
        "401|{\"error\":\"whatever\"}|auth_expired|Authentication failed",
        "401||auth_expired|Authentication failed",
        // other statuses: keyword scan of the parsed object, keys included
        "418|{\"error\":\"invalid payload\"}|schema_mismatch|invalid payload",
        "409|{\"network_hint\":1}|retryable_transport|HTTP 409",
        "404|{\"message\":\"Nothing here\"}|unknown|Nothing here",
        "418|{}|unknown|HTTP 418",
        "418||unknown|HTTP 418",
        "404|internal server error (not JSON)|unknown|HTTP 404",
        "302||unknown|HTTP 302"})
    void a5_a7_a8_batchLevelStatuses(int status, String body, String category, String message) {
        answer(status, body == null ? "" : body);
        HostedFailure failure = allSame(send(3));
        assertThat(failure.category().machineName()).isEqualTo(category);
        assertThat(failure.message()).isEqualTo(message);
        assertThat(failure.httpStatus()).isEqualTo(status);
    }

    @Test
    void a5_theServerErrorAction() {
        answer(500, "{\"message\":\"boom\"}");
        assertThat(allSame(send(1)).category().action()).contains("Retry later or check server status");
    }

    @Test
    void a8_a401IsAuthExpiredWithTheRefreshAction() {
        answer(401, "{\"detail\":\"Invalid token " + ACCESS + "\"}");
        HostedFailure failure = allSame(send(4));
        assertThat(failure).isEqualTo(new HostedFailure(FailureCategory.AUTH_EXPIRED, "Authentication failed", 401));
        assertThat(failure.category().action()).contains("Run `spec-kitty auth login` to refresh credentials");
    }

    // ---- 200 -----------------------------------------------------------------------------------

    @Test
    void a12_perEventResultsOfA200() {
        answer(200, A12_BODY.replace("]}", ",{\"event_id\":\"evt-8\",\"status\":\"rejected\"}]}"));

        List<EventResult> results = send(8);

        assertThat(results.subList(0, 3)).allMatch(r -> r instanceof EventResult.Synced);
        assertThat(results.get(3)).isEqualTo(new EventResult.Duplicate("evt-4"));
        assertThat(failure(results, 4)).isEqualTo(new HostedFailure(FailureCategory.SCHEMA_MISMATCH, "Invalid schema", 200));
        assertThat(failure(results, 5)).isEqualTo(new HostedFailure(FailureCategory.AUTH_EXPIRED, "Token expired", 200));
        assertThat(failure(results, 6)).isEqualTo(new HostedFailure(FailureCategory.UNKNOWN, "No result returned for event", 200));
        assertThat(failure(results, 7)).isEqualTo(new HostedFailure(FailureCategory.UNKNOWN, "Unknown error", 200));
    }

    @Test
    void a200AnswersInAnyOrderAndErrorMessageWinsOverError() {
        answer(200, "{\"results\":[{\"event_id\":\"evt-2\",\"status\":\"rejected\",\"error_message\":\"connection lost\","
                + "\"error\":\"Invalid\"},{\"event_id\":\"evt-1\",\"status\":\"success\"},\"junk\",{\"status\":\"success\"}]}");
        List<EventResult> results = send(2);
        assertThat(results.getFirst()).isEqualTo(new EventResult.Synced("evt-1"));
        assertThat(failure(results, 1)).isEqualTo(new HostedFailure(FailureCategory.RETRYABLE_TRANSPORT, "connection lost", 200));
    }

    @ParameterizedTest
    @ValueSource(strings = {"<html>ok</html>", "", "[]", "{\"results\":{}}", "{\"ok\":true}"})
    void a200WithoutPerEventResultsIsUnknownForEveryEvent(String body) {
        answer(200, body);
        HostedFailure failure = allSame(send(3));
        assertThat(failure).isEqualTo(new HostedFailure(FailureCategory.UNKNOWN,
                "Unexpected response from the batch ingress (HTTP 200 without per-event results)", 200));
    }

    // ---- 400 -----------------------------------------------------------------------------------

    @Test
    void structuredBadRequestDetailsAsAList() {
        answer(400, "{\"error\":\"Bad batch\",\"details\":[{\"event_id\":\"evt-1\",\"error\":\"Missing field type\"},"
                + "{\"event_id\":\"evt-2\",\"reason\":\"request timeout upstream\"},{\"event_id\":\"evt-3\"}]}");
        List<EventResult> results = send(4);
        assertThat(failure(results, 0)).isEqualTo(new HostedFailure(FailureCategory.SCHEMA_MISMATCH, "Missing field type", 400));
        assertThat(failure(results, 1)).isEqualTo(
                new HostedFailure(FailureCategory.RETRYABLE_TRANSPORT, "request timeout upstream", 400));
        // an entry without error or reason, and an event beyond the list: the top-level error
        assertThat(failure(results, 2)).isEqualTo(new HostedFailure(FailureCategory.UNKNOWN, "Bad batch", 400));
        assertThat(failure(results, 3)).isEqualTo(new HostedFailure(FailureCategory.UNKNOWN, "Bad batch", 400));
    }

    @Test
    void structuredBadRequestDetailsAsAJsonStringList() {
        answer(400, "{\"error\":\"Bad batch\",\"details\":\"[{\\\"event_id\\\":\\\"evt-2\\\",\\\"error\\\":\\\"schema broken\\\"}]\"}");
        List<EventResult> results = send(2);
        assertThat(failure(results, 0)).isEqualTo(new HostedFailure(FailureCategory.UNKNOWN, "Bad batch", 400));
        assertThat(failure(results, 1)).isEqualTo(new HostedFailure(FailureCategory.SCHEMA_MISMATCH, "schema broken", 400));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"error\":\"Bad batch\",\"details\":\"something else\"}|Bad batch<NL>Details: something else|unknown",
        "{\"details\":\"connection reset by proxy\"}|Bad request<NL>Details: connection reset by proxy|retryable_transport",
        "{\"error\":\"Bad batch\",\"details\":{\"limit\":1000}}|Bad batch<NL>Details: {\"limit\":1000}|unknown",
        "{\"error\":\"Invalid batch\"}|Invalid batch|schema_mismatch",
        "{\"error\":\"Bad batch\",\"details\":null}|Bad batch|unknown",
        "{}|Bad request|unknown",
        "not json|Bad request|unknown"})
    void unstructuredBadRequestGivesEveryEventTheSameError(String body, String message, String category) {
        answer(400, body);
        HostedFailure failure = allSame(send(2));
        assertThat(failure.message()).isEqualTo(message.replace("<NL>", "\n"));
        assertThat(failure.category().machineName()).isEqualTo(category);
        assertThat(failure.httpStatus()).isEqualTo(400);
    }

    // ---- transport -----------------------------------------------------------------------------

    @Test
    void a6_aTimeoutIsRetryableTransportNeverServerError() {
        server.stubFor(post(PATH).willReturn(aResponse().withStatus(200).withFixedDelay(1500)));
        HostedFailure failure = allSame(send(ingress(endpoints, Duration.ofMillis(300), 1), 2));
        assertThat(failure).isEqualTo(new HostedFailure(FailureCategory.RETRYABLE_TRANSPORT, "Request timeout", null));
        assertThat(failure.category().action()).contains("Retry later or check network connectivity");
    }

    @Test
    void a7_aRefusedConnectionIsAConnectionError() {
        HostedFailure failure = allSame(send(ingress(HostedEndpoints.of("http://127.0.0.1:1"), Duration.ofSeconds(2), 1), 3));
        assertThat(failure.category()).isEqualTo(FailureCategory.RETRYABLE_TRANSPORT);
        assertThat(failure.message()).isEqualTo("Connection error: ConnectException");
        assertThat(failure.httpStatus()).isNull();
    }

    @Test
    void a7_aConnectionResetIsAConnectionError() {
        server.stubFor(post(PATH).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        HostedFailure failure = allSame(send(1));
        assertThat(failure.category()).isEqualTo(FailureCategory.RETRYABLE_TRANSPORT);
        assertThat(failure.message()).startsWith("Connection error: ").doesNotContain("127.0.0.1");
    }

    // ---- retries -------------------------------------------------------------------------------

    @Test
    void a503IsRetriedThreeTimesThenReported() {
        answer(503, "");
        assertThat(allSame(send(1)).message()).isEqualTo("HTTP 503");
        server.verify(3, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void aTransient502Then504ThenSuccessDeliversTheSameBatch() {
        server.stubFor(post(PATH).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(502)).willSetStateTo("second"));
        server.stubFor(post(PATH).inScenario("flaky").whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(504)).willSetStateTo("third"));
        server.stubFor(post(PATH).inScenario("flaky").whenScenarioStateIs("third")
                .willReturn(aResponse().withStatus(200).withBody("{\"results\":[{\"event_id\":\"evt-1\",\"status\":\"success\"}]}")));

        assertThat(send(1)).containsExactly(new EventResult.Synced("evt-1"));

        List<LoggedRequest> requests = server.findAll(postRequestedFor(urlEqualTo(PATH)));
        assertThat(requests).hasSize(3);
        assertThat(requests).extracting(LoggedRequest::getBodyAsString).containsOnly(requests.getFirst().getBodyAsString());
    }

    @Test
    void transportFailuresAreRetriedToo() {
        server.stubFor(post(PATH).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        send(1);
        server.verify(3, postRequestedFor(urlEqualTo(PATH)));

        server.resetAll();
        server.stubFor(post(PATH).willReturn(aResponse().withStatus(200).withFixedDelay(1000)));
        assertThat(allSame(send(ingress(endpoints, Duration.ofMillis(200), 3), 1)).message()).isEqualTo("Request timeout");
        server.verify(3, postRequestedFor(urlEqualTo(PATH)));
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 400, 401, 403, 404, 408, 429, 500, 501})
    void noRetryForOtherStatuses(int status) {
        answer(status, "{\"message\":\"no\"}");
        send(2);
        server.verify(1, postRequestedFor(urlEqualTo(PATH)));
    }

    // ---- redaction -----------------------------------------------------------------------------

    @Test
    void serverMessagesCarryingTheTokenOrLongTextAreSanitized() {
        answer(500, "{\"message\":\"bad token " + ACCESS + "\"}");
        assertThat(allSame(send(1)).message()).isEqualTo("bad token [redacted]");

        answer(200, "{\"results\":[{\"event_id\":\"evt-1\",\"status\":\"rejected\",\"error\":\"Token " + ACCESS
                + "\\nexpired\"}]}");
        HostedFailure perEvent = first(send(1));
        assertThat(perEvent.category()).isEqualTo(FailureCategory.AUTH_EXPIRED);
        assertThat(perEvent.message()).isEqualTo("Token [redacted] expired");

        answer(400, "{\"error\":\"Bad\",\"details\":\"" + "x".repeat(500) + BODY_MARKER + "\"}");
        String message = first(send(1)).message();
        assertThat(message).startsWith("Bad\nDetails: ").doesNotContain(BODY_MARKER);
        assertThat(message.length()).isLessThan(2 * 200 + 20);

        answer(403, "{\"message\":\"" + "y ".repeat(300) + "\"}");
        assertThat(first(send(1)).message()).hasSizeLessThanOrEqualTo(200);
    }

    // ---- oversized bodies and the team id guard -----------------------------------------------

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "200|unknown|The batch ingress answered with an oversized body (HTTP 200)",
        "400|unknown|Bad request",
        "401|auth_expired|Authentication failed",
        "403|unauthorized|HTTP 403",
        "429|retryable_transport|HTTP 429",
        "500|server_error|HTTP 500",
        "503|server_error|HTTP 503",
        "418|unknown|HTTP 418"})
    void anOversizedBodyIsDroppedAndTheStatusStillDecides(int status, String category, String message) {
        // over the 256 KiB cap, with words that would otherwise steer the predicate and the keyword scan
        String huge = "{\"message\":\"private teamspace invalid " + BODY_MARKER + " " + "x".repeat(300 * 1024) + "\"}";
        answer(status, huge);
        HostedFailure failure = allSame(send(2));
        assertThat(failure.category().machineName()).isEqualTo(category);
        assertThat(failure.message()).isEqualTo(message);
        assertThat(failure.httpStatus()).isEqualTo(status);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void noPrivateTeamspaceIdMeansNoRequest(String id) {
        List<EventResult> results = seen(ingress().send(batch(3), id.isEmpty() ? null : id, secret(ACCESS)));
        assertThat(results).extracting(EventResult::eventId).containsExactly("evt-1", "evt-2", "evt-3");
        assertThat(allSame(results)).isEqualTo(new HostedFailure(FailureCategory.DIRECT_INGRESS_MISSING_PRIVATE_TEAM,
                "skipped: no Private Teamspace available for direct ingress", null));
        server.verify(0, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void aTeamIdWithControlCharactersIsNeverSentAsAHeader() {
        answer(200, "{\"results\":[]}");
        List<EventResult> results = seen(ingress().send(batch(2), "t-priv\r\nX-Evil: 1", secret(ACCESS)));
        assertThat(allSame(results).category()).isEqualTo(FailureCategory.UNKNOWN);
        assertThat(allSame(results).message()).isEqualTo("The Private Teamspace id is not a valid header value; nothing was sent");
        server.verify(0, postRequestedFor(urlEqualTo(PATH)));
    }

    // ---- determinism (A14 at the adapter level) ------------------------------------------------

    @Test
    void eachFixtureGivesIdenticalCategoriesFiveTimes() {
        Map<String, Supplier<List<EventResult>>> fixtures = new LinkedHashMap<>();
        fixtures.put("A1", () -> {
            answer(403, A1_BODY);
            return send(5);
        });
        fixtures.put("A4", () -> {
            answer(403, "{\"message\":\"Forbidden\"}");
            return send(5);
        });
        for (int status : new int[] {500, 502, 503, 504}) {
            fixtures.put("A5-" + status, () -> {
                answer(status, status == 500 ? "{\"message\":\"boom\"}" : "");
                return send(5);
            });
        }
        fixtures.put("A6", () -> {
            server.stubFor(post(PATH).willReturn(aResponse().withStatus(200).withFixedDelay(600)));
            return send(ingress(endpoints, Duration.ofMillis(150), 1), 5);
        });
        fixtures.put("A7", () -> send(ingress(HostedEndpoints.of("http://127.0.0.1:1"), Duration.ofSeconds(2), 1), 5));
        fixtures.put("A7-408", () -> {
            answer(408, "");
            return send(5);
        });
        fixtures.put("A7-429", () -> {
            answer(429, "");
            return send(5);
        });
        fixtures.put("A8", () -> {
            answer(401, "");
            return send(5);
        });
        fixtures.put("A12", () -> {
            answer(200, A12_BODY);
            return send(6);
        });

        Map<String, Map<String, Long>> expected = new LinkedHashMap<>();
        expected.put("A1", Map.of("direct_ingress_missing_private_team", 5L));
        expected.put("A4", Map.of("unauthorized", 5L));
        for (String key : List.of("A5-500", "A5-502", "A5-503", "A5-504")) {
            expected.put(key, Map.of("server_error", 5L));
        }
        for (String key : List.of("A6", "A7", "A7-408", "A7-429")) {
            expected.put(key, Map.of("retryable_transport", 5L));
        }
        expected.put("A8", Map.of("auth_expired", 5L));
        expected.put("A12", Map.of("schema_mismatch", 1L, "auth_expired", 1L));
        for (Map.Entry<String, Supplier<List<EventResult>>> fixture : fixtures.entrySet()) {
            List<List<String>> runs = new ArrayList<>();
            for (int run = 0; run < 5; run++) {
                server.resetAll();
                runs.add(fixture.getValue().get().stream().map(WebClientEventIngressTest::outcome).toList());
            }
            assertThat(runs).as(fixture.getKey()).containsOnly(runs.getFirst());
            server.resetAll();
            assertThat(categories(fixture.getValue().get())).as(fixture.getKey()).isEqualTo(expected.get(fixture.getKey()));
        }
    }

    private static String outcome(EventResult result) {
        return switch (result) {
            case EventResult.Synced s -> s.eventId() + ":synced";
            case EventResult.Duplicate d -> d.eventId() + ":duplicate";
            case EventResult.Failed f -> f.eventId() + ":" + f.failure().category().machineName() + ":" + f.failure().message();
        };
    }
}

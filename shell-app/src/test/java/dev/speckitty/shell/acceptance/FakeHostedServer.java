package dev.speckitty.shell.acceptance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fake hosted server (FHS) of docs/spec/behaviour.md §7.0 on WireMock, bound to 127.0.0.1 with a dynamic
 * port. Defaults: discovery 404 (spec-kitty default paths) and sync health 200; the batch ingress is
 * stubbed per scenario ({@link #batchSucceedsFor} for the FX default); anything unstubbed answers 404
 * and is still recorded.
 */
public final class FakeHostedServer implements AutoCloseable {

    public static final String BATCH = "/api/v1/events/batch/";
    public static final String ME = "/api/v1/me";
    public static final String TOKEN = "/oauth/token";
    public static final String HEALTH = "/api/v1/sync/health/";
    public static final String TRACKER_STATUS = "/api/v1/tracker/status";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WireMockServer server;

    public FakeHostedServer() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        reset();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    public WireMockServer wireMock() {
        return server;
    }

    /** Back to the defaults, with an empty request journal. */
    public void reset() {
        server.resetAll();
        server.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(404)));
        server.stubFor(get(urlPathEqualTo("/.well-known/oauth-authorization-server")).willReturn(aResponse().withStatus(404)));
        server.stubFor(get(urlPathEqualTo(HEALTH)).willReturn(okJson("{\"status\":\"ok\"}")));
    }

    /** The batch ingress answers 200 with {@code success} for each of {@code eventIds} (the FX default). */
    public void batchSucceedsFor(List<String> eventIds) {
        String results = eventIds.stream().map(id -> "{\"event_id\":\"" + id + "\",\"status\":\"success\"}")
                .collect(java.util.stream.Collectors.joining(","));
        batchAnswers(okJson("{\"results\":[" + results + "]}"));
    }

    /** Every batch POST gets {@code response}. */
    public void batchAnswers(ResponseDefinitionBuilder response) {
        server.stubFor(post(urlPathEqualTo(BATCH)).atPriority(1).willReturn(response));
    }

    /** Batch POSTs bearing {@code accessToken} get a 401 (added after, so it wins over {@link #batchAnswers}). */
    public void batchRefusesBearer(String accessToken) {
        server.stubFor(post(urlPathEqualTo(BATCH)).atPriority(1)
                .withHeader("Authorization", equalTo("Bearer " + accessToken))
                .willReturn(aResponse().withStatus(401).withBody("{\"detail\":\"Given token not valid\"}")));
    }

    /** Every refresh grant succeeds with these tokens (15 minutes). */
    public void tokenEndpointRotatesTo(String accessToken, String refreshToken) {
        server.stubFor(post(urlPathEqualTo(TOKEN)).willReturn(okJson("{\"access_token\":\"" + accessToken
                + "\",\"refresh_token\":\"" + refreshToken + "\",\"expires_in\":900,\"token_type\":\"Bearer\"}")));
    }

    /** {@code GET /api/v1/me} answers {@code body}. */
    public void meAnswers(String body) {
        server.stubFor(get(urlPathEqualTo(ME)).willReturn(okJson(body)));
    }

    public List<LoggedRequest> requests() {
        return server.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(anyUrl()));
    }

    /** How many requests of {@code method} reached {@code path}. */
    public long count(String method, String path) {
        return requests().stream().filter(r -> r.getMethod().getName().equals(method) && r.getUrl().startsWith(path))
                .count();
    }

    /** The recorded requests as «METHOD path», oldest first. */
    public List<String> journal() {
        return requests().stream().map(r -> r.getMethod().getName() + " " + r.getUrl()).toList();
    }

    /** The decompressed JSON bodies of the batch POSTs, oldest first. */
    public List<JsonNode> batchBodies() {
        List<JsonNode> bodies = new ArrayList<>();
        for (LoggedRequest request : requests()) {
            if (request.getMethod().getName().equals("POST") && request.getUrl().startsWith(BATCH)) {
                bodies.add(JSON.readTree(gunzip(request.getBody())));
            }
        }
        return bodies;
    }

    /** The event ids of every batch POST, oldest first. */
    public List<List<String>> batchEventIds() {
        return batchBodies().stream().map(body -> {
            List<String> ids = new ArrayList<>();
            body.path("events").forEach(event -> ids.add(event.path("event_id").asString()));
            return ids;
        }).toList();
    }

    /** WireMock already inflates a {@code Content-Encoding: gzip} body; inflate here only if it did not. */
    private static String gunzip(byte[] body) {
        if (body.length < 2 || (body[0] & 0xff) != 0x1f || (body[1] & 0xff) != 0x8b) {
            return new String(body, StandardCharsets.UTF_8);
        }
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException notGzip) {
            throw new UncheckedIOException("batch body is not gzip", notGzip);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}

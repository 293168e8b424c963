package dev.speckitty.adapters.hosted;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.requestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.speckitty.adapters.hosted.health.WebClientHostedHealth;
import dev.speckitty.adapters.hosted.http.HostedTransportException;
import dev.speckitty.adapters.hosted.http.RetrySettings;
import dev.speckitty.adapters.hosted.http.SafeText;
import dev.speckitty.domain.auth.AuthFlowException;
import dev.speckitty.domain.auth.AuthorizationRequest;
import dev.speckitty.domain.auth.DeviceAuthorization;
import dev.speckitty.domain.auth.DevicePoll;
import dev.speckitty.domain.auth.Membership;
import dev.speckitty.domain.auth.RefreshResult;
import dev.speckitty.domain.auth.ServerSessionStatus;
import dev.speckitty.domain.auth.TokenGrant;
import dev.speckitty.domain.sync.EventResult;
import dev.speckitty.domain.sync.QueuedEvent;
import dev.speckitty.domain.tracker.TrackerResult;
import dev.speckitty.testfixtures.RawHttpServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 6, part 2b: every hosted call the CLI makes × every hostile answer a server (or something
 * pretending to be one) can give. Each cell asserts the defined typed outcome and its exact message,
 * how many requests reached the server (token POSTs and revoke exactly once, idempotent calls at
 * most the retry budget), that a redirect to "another host" (a second WireMock server) is never
 * followed, and — through {@link HostedWireMockTest}'s after-test check — that no request token,
 * planted body token or body marker reaches a message or a {@code toString()}.
 */
class HostileResponseMatrixTest extends HostedWireMockTest {

    /** A token-looking value planted in hostile bodies: long, with digits, not any request's token. */
    static final String PLANTED = "tok_SENTINEL_9f8e7d6c5b4a39281716abcdef";
    private static final int BODY_CAP = 64 * 1024;
    private static final Duration NORMAL_TIMEOUT = Duration.ofSeconds(3);
    /** The whole-call limit for slow-drip cells; the drip's chunks come faster than this, the whole body not. */
    private static final Duration DRIP_TIMEOUT = Duration.ofMillis(800);
    private static final int DRIP_CHUNKS = 10;
    private static final int DRIP_TOTAL_MILLIS = 2500;
    private static final int RETRY_ATTEMPTS = RetrySettings.fast().maxAttempts();
    /** An exception's simple name, or the one kind for an answer that was not HTTP. */
    private static final String TYPE_NAME = "([A-Z][A-Za-z0-9]*(Exception|Error)|"
            + HostedTransportException.MALFORMED_RESPONSE + ")";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AuthorizationRequest BROWSER_REQUEST = new AuthorizationRequest(
            "http://127.0.0.1:28888/callback", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", secret(STATE), secret(VERIFIER));
    /** A fixed prefix plus at most a sanitized server message. */
    private static final int MAX_MESSAGE = SafeText.MAX_LENGTH + 100;
    private static final Map<String, Integer> CELLS_BY_OUTCOME = new LinkedHashMap<>();

    /** Stands in for "another host": a redirect target that must never be asked anything. */
    private static WireMockServer elsewhere;

    @BeforeAll
    static void startTheOtherHost() {
        elsewhere = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        elsewhere.start();
        elsewhere.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"revoked\":true}")));
    }

    @AfterAll
    static void theOtherHostWasNeverAsked() {
        try {
            assertThat(elsewhere.findAll(anyRequestedFor(anyUrl()))).as("requests that reached the other host").isEmpty();
        } finally {
            elsewhere.stop();
        }
        System.out.println("hostile-matrix cells=" + CELLS_BY_OUTCOME.values().stream().mapToInt(Integer::intValue).sum()
                + " outcomes=" + CELLS_BY_OUTCOME);
    }

    // ---- the hostile answers --------------------------------------------------------------------

    enum Hostile {
        HTML_200, HTML_502, TRUNCATED_JSON, INVALID_JSON, JSON_ARRAY, WRONG_TYPES, ENORMOUS_BODY,
        TEXT_PLAIN_CONTENT_TYPE, UNKNOWN_CHARSET, SLOW_DRIP, CONNECTION_RESET, EMPTY_RESPONSE, MALFORMED_CHUNK,
        RANDOM_DATA_THEN_CLOSE, REDIRECT_302, REDIRECT_307,
        // broken HTTP written by RawHttpServer (issue 14): Netty cannot decode these as a response
        GARBAGE_STATUS_LINE, HUGE_HEADER, NON_HTTP_BYTES, BAD_CHUNKED_ENCODING,
        // token-endpoint answers only (and expires_in of the device authorization)
        NO_ACCESS_TOKEN, EXPIRES_IN_NEGATIVE, EXPIRES_IN_ZERO, EXPIRES_IN_HUGE, EXPIRES_IN_STRING,
        EXPIRES_IN_NUMERIC_STRING, EXPIRES_IN_FRACTIONAL,
        // values that would split a header or a line (issue 14): tokens for token answers, the team id for /me
        ACCESS_TOKEN_WITH_CRLF, REFRESH_TOKEN_WITH_C1, TEAM_ID_WITH_CRLF;

        boolean transport() {
            return this == SLOW_DRIP || this == CONNECTION_RESET || this == EMPTY_RESPONSE || this == MALFORMED_CHUNK
                    || this == RANDOM_DATA_THEN_CLOSE || raw();
        }

        /** Written byte for byte by {@link RawHttpServer}; WireMock cannot produce it. */
        boolean raw() {
            return this == GARBAGE_STATUS_LINE || this == HUGE_HEADER || this == NON_HTTP_BYTES || this == BAD_CHUNKED_ENCODING;
        }

        boolean tokenField() {
            return ordinal() >= NO_ACCESS_TOKEN.ordinal() && ordinal() < TEAM_ID_WITH_CRLF.ordinal();
        }

        /** The bytes RawHttpServer answers; each carries markup, an escape and a planted token that must not surface. */
        byte[] rawAnswer() {
            String noise = "<b>BODY_MARKER_x</b> \u001b[2J " + PLANTED;
            String answer = switch (this) {
                case GARBAGE_STATUS_LINE -> "HTTP/1.1 2OO " + noise + "\r\nContent-Length: 2\r\n\r\n{}";
                case HUGE_HEADER -> "HTTP/1.1 200 OK\r\nX-Pad: " + noise + " " + "x".repeat(200 * 1024)
                        + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}";
                case NON_HTTP_BYTES -> "SSH-2.0-OpenSSH_9.6 " + noise + "\r\n\u0000\u0001\u00ff\u00fe";
                case BAD_CHUNKED_ENCODING -> "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\nZZZZ " + noise + "\r\n{}\r\n0\r\n\r\n";
                default -> throw new IllegalStateException(name());
            };
            return answer.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        }

        boolean expiresIn() {
            return name().startsWith("EXPIRES_IN");
        }

        Object expiresInValue() {
            return switch (this) {
                case EXPIRES_IN_NEGATIVE -> -3600;
                case EXPIRES_IN_ZERO -> 0;
                case EXPIRES_IN_HUGE -> 1_000_000_000_000L;
                case EXPIRES_IN_STRING -> "soon";
                case EXPIRES_IN_NUMERIC_STRING -> "3600";
                case EXPIRES_IN_FRACTIONAL -> 1.5;
                default -> throw new IllegalStateException(name());
            };
        }
    }

    private static final String HTML = "<!DOCTYPE html><html><head><title>Error</title></head><body><h1>BODY_MARKER_x</h1>"
            + "<p>Bearer " + ACCESS + " refresh " + REFRESH + " " + PLANTED + "</p>"
            + "<pre>Traceback (most recent call last):\n  File \"app.py\", line 1</pre></body></html>";

    private ResponseDefinitionBuilder answer(Call call, Hostile hostile) {
        ResponseDefinitionBuilder json = aResponse().withStatus(200).withHeader("Content-Type", "application/json");
        String valid = render(call.valid(baseUrl()));
        return switch (hostile) {
            case HTML_200 -> aResponse().withStatus(200).withHeader("Content-Type", "text/html; charset=utf-8").withBody(HTML);
            case HTML_502 -> aResponse().withStatus(502).withHeader("Content-Type", "text/html").withBody(HTML);
            case TRUNCATED_JSON -> json.withBody(valid.substring(0, valid.length() / 2));
            case INVALID_JSON -> json.withBody("{\"access_token\": '" + PLANTED + "', BODY_MARKER_x,,}");
            case JSON_ARRAY -> json.withBody("[" + valid + "]");
            case WRONG_TYPES -> aResponse().withStatus(call.wrongTypesStatus).withHeader("Content-Type", "application/json")
                    .withBody(render(call.wrongTypes.get()));
            case ENORMOUS_BODY -> json.withBody(withPad(call.valid(baseUrl())));
            case TEXT_PLAIN_CONTENT_TYPE -> aResponse().withStatus(200).withHeader("Content-Type", "text/plain").withBody(valid);
            case UNKNOWN_CHARSET -> aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json; charset=x-no-such-charset").withBody(valid);
            case SLOW_DRIP -> json.withBody(valid).withChunkedDribbleDelay(DRIP_CHUNKS, DRIP_TOTAL_MILLIS);
            case CONNECTION_RESET -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
            case EMPTY_RESPONSE -> aResponse().withFault(Fault.EMPTY_RESPONSE);
            case MALFORMED_CHUNK -> aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK);
            case RANDOM_DATA_THEN_CLOSE -> aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE);
            case REDIRECT_302, REDIRECT_307 -> aResponse().withStatus(hostile == Hostile.REDIRECT_302 ? 302 : 307)
                    .withHeader("Location", "http://127.0.0.1:" + elsewhere.port() + call.path);
            case NO_ACCESS_TOKEN -> {
                Map<String, Object> body = call.valid(baseUrl());
                body.remove("access_token");
                yield json.withBody(render(body));
            }
            case ACCESS_TOKEN_WITH_CRLF, REFRESH_TOKEN_WITH_C1 -> {
                Map<String, Object> body = call.valid(baseUrl());
                if (hostile == Hostile.ACCESS_TOKEN_WITH_CRLF) {
                    body.put("access_token", "at_SENTINEL_crlf\r\nX-Injected: BODY_MARKER_x");
                } else {
                    body.put("refresh_token", "rt_SENTINEL_c1\u009b2J");
                }
                yield json.withBody(render(body));
            }
            case TEAM_ID_WITH_CRLF -> {
                Map<String, Object> body = call.valid(baseUrl());
                body.put("teams", List.of(map("id", "t-private\r\nFAKE: BODY_MARKER_x", "name", "Mine", "role", "owner",
                        "is_private_teamspace", true)));
                yield json.withBody(render(body));
            }
            default -> {
                Map<String, Object> body = call.valid(baseUrl());
                body.put("expires_in", hostile.expiresInValue());
                yield json.withBody(render(body));
            }
        };
    }

    private static String withPad(Map<String, Object> valid) {
        Map<String, Object> padded = new LinkedHashMap<>();
        padded.put("pad", "BODY_MARKER_x " + "x".repeat(16 * BODY_CAP));
        padded.putAll(valid);
        return render(padded);
    }

    private static String render(Object document) {
        return JSON.writeValueAsString(document);
    }

    // ---- the hosted calls -----------------------------------------------------------------------

    /** What a call produced, reduced to comparable text: a typed outcome, its message, its status. */
    record Observed(String kind, String message, Integer status) {}

    /** The outcome a cell must produce; the message is a regular expression. */
    record Expected(String kind, String messagePattern, Integer status) {

        static Expected exact(String kind, String message, Integer status) {
            return new Expected(kind, message == null ? null : Pattern.quote(message), status);
        }

        static Expected exact(String kind, String message) {
            return exact(kind, message, null);
        }

        /** A transport failure named by exception type, e.g. «Network error during refresh: PrematureCloseException». */
        static Expected transport(String kind, String prefix, Hostile hostile) {
            String type = hostile == Hostile.SLOW_DRIP ? "TimeoutException"
                    : hostile.raw() ? Pattern.quote(HostedTransportException.MALFORMED_RESPONSE) : TYPE_NAME;
            return new Expected(kind, Pattern.quote(prefix) + type, null);
        }
    }

    private record Adapters(HostedAdapters hosted, WebClientHostedHealth health, Duration timeout) {}

    enum Call {
        DISCOVERY("GET", "/.well-known/oauth-authorization-server", true, false) {
            @Override
            Map<String, Object> valid(String base) {
                return map("issuer", base, "authorization_endpoint", base + "/as/authorize",
                        "token_endpoint", base + "/as/token", "device_authorization_endpoint", base + "/as/device",
                        "revocation_endpoint", base + "/as/revoke");
            }

            @Override
            Observed invoke(Adapters a) {
                var server = a.hosted().authorizationServer();
                String url = server.authorizationUrl(BROWSER_REQUEST);
                return new Observed(server.discovered() ? "Discovered" : "Defaults", url.substring(0, url.indexOf('?')), null);
            }
        },
        DEVICE_AUTHORIZATION("POST", "/oauth/device", false, false) {
            @Override
            Map<String, Object> valid(String base) {
                return map("device_code", DEVICE_CODE, "user_code", "WDJB-MJHT", "verification_uri",
                        "https://example.test/device", "expires_in", 600, "interval", 5);
            }

            @Override
            Observed invoke(Adapters a) {
                DeviceAuthorization auth = a.hosted().authorizationServer().requestDeviceAuthorization();
                return new Observed("DeviceAuthorization", auth.userCode() + " expires_in=" + auth.expiresInSeconds(), null);
            }
        },
        DEVICE_POLL("POST", "/oauth/token", false, true) {
            @Override
            Map<String, Object> valid(String base) {
                return loginGrant();
            }

            @Override
            Observed invoke(Adapters a) {
                DevicePoll poll = a.hosted().authorizationServer().pollDeviceToken(secret(DEVICE_CODE));
                return switch (poll) {
                    case DevicePoll.Granted granted -> new Observed("Granted", grantText(granted.grant()), null);
                    case DevicePoll.Failed failed -> new Observed("Failed", failed.message(), null);
                    case DevicePoll.Denied denied -> new Observed("Denied", denied.message(), null);
                    case DevicePoll.Expired expired -> new Observed("Expired", expired.message(), null);
                    case DevicePoll.TransportFailed transport -> new Observed("TransportFailed", transport.message(), null);
                    default -> new Observed(poll.getClass().getSimpleName(), null, null);
                };
            }
        },
        CODE_EXCHANGE("POST", "/oauth/token", false, true) {
            @Override
            Map<String, Object> valid(String base) {
                return loginGrant();
            }

            @Override
            Observed invoke(Adapters a) {
                TokenGrant grant = a.hosted().authorizationServer().exchangeAuthorizationCode(secret(AUTH_CODE), BROWSER_REQUEST);
                return new Observed("Granted", grantText(grant), null);
            }
        },
        REFRESH("POST", "/oauth/token", false, true) {
            @Override
            Map<String, Object> valid(String base) {
                return map("access_token", "at_SENTINEL_new", "refresh_token", "rt_SENTINEL_new", "expires_in", 3600,
                        "token_type", "Bearer");
            }

            @Override
            Observed invoke(Adapters a) {
                RefreshResult result = a.hosted().authorizationServer().refresh(secret(HostedWireMockTest.REFRESH));
                return switch (result) {
                    case RefreshResult.Refreshed refreshed -> new Observed("Refreshed", grantText(refreshed.grant()), null);
                    case RefreshResult.Failed failed -> new Observed("Failed", failed.message(), failed.httpStatus());
                    case RefreshResult.TransportFailed transport -> new Observed(
                            transport.timedOut() ? "TransportFailed(timeout)" : "TransportFailed", transport.message(), null);
                    default -> new Observed(result.toString(), null, null);
                };
            }
        },
        REVOKE("POST", "/oauth/revoke", false, false) {
            @Override
            Map<String, Object> valid(String base) {
                return map("revoked", true);
            }

            @Override
            Observed invoke(Adapters a) {
                return new Observed(a.hosted().authorizationServer().revoke(secret(HostedWireMockTest.REFRESH)).name(), null, null);
            }
        },
        ME("GET", "/api/v1/me", true, false) {
            @Override
            Map<String, Object> valid(String base) {
                return map("user_id", 42, "email", "dev@example.test", "name", "Dev",
                        "teams", List.of(map("id", "t-private", "name", "Mine", "role", "owner", "is_private_teamspace", true)));
            }

            @Override
            Observed invoke(Adapters a) {
                Membership me = a.hosted().membershipDirectory().fetch(secret(ACCESS));
                return new Observed("Membership", me.userId() + " teams=" + me.teams().size(), null);
            }
        },
        SESSION_STATUS("GET", "/api/v1/session-status", true, false) {
            @Override
            Map<String, Object> valid(String base) {
                return map("session_id", "sess-7", "status", "active", "current_generation", 3);
            }

            @Override
            Observed invoke(Adapters a) {
                ServerSessionStatus status = a.hosted().sessionStatusProbe().check(secret(ACCESS));
                return status.active() ? new Observed("Active", status.sessionId(), null)
                        : new Observed("Failed", status.error(), null);
            }
        },
        BATCH_INGRESS("POST", "/api/v1/events/batch/", true, false) {
            @Override
            Map<String, Object> valid(String base) {
                return map("results", List.of(map("event_id", "evt-1", "status", "success"),
                        map("event_id", "evt-2", "status", "duplicate")));
            }

            @Override
            Observed invoke(Adapters a) {
                List<QueuedEvent> batch = List.of(new QueuedEvent("evt-1", "{\"event_id\":\"evt-1\"}"),
                        new QueuedEvent("evt-2", "{\"event_id\":\"evt-2\"}"));
                List<EventResult> results = a.hosted().eventIngress().send(batch, "t-private", secret(ACCESS));
                assertThat(results).extracting(EventResult::eventId).containsExactly("evt-1", "evt-2");
                if (results.get(0) instanceof EventResult.Synced && results.get(1) instanceof EventResult.Duplicate) {
                    return new Observed("Synced+Duplicate", null, null);
                }
                assertThat(results).allSatisfy(r -> assertThat(r).isInstanceOf(EventResult.Failed.class));
                var failure = ((EventResult.Failed) results.get(0)).failure();
                assertThat(((EventResult.Failed) results.get(1)).failure()).as("a batch-level failure").isEqualTo(failure);
                return new Observed("Failed:" + failure.category().machineName(), failure.message(), failure.httpStatus());
            }
        },
        TRACKER_STATUS("GET", "/api/v1/tracker/status", false, false) {
            @Override
            Map<String, Object> valid(String base) {
                return map("team_slug", "t-shared", "connected", true, "items_available", 3);
            }

            @Override
            Observed invoke(Adapters a) {
                return tracker(a.hosted().trackerService().status("t-shared", secret(ACCESS)));
            }
        },
        TRACKER_PULL("POST", "/api/v1/tracker/pull", false, false) {
            @Override
            Map<String, Object> valid(String base) {
                return map("team_slug", "t-shared", "pulled", 1, "items", List.of(map("id", "TRK-1")));
            }

            @Override
            Observed invoke(Adapters a) {
                return tracker(a.hosted().trackerService().pull("t-shared", secret(ACCESS)));
            }
        },
        HEALTH("GET", "/api/v1/sync/health/", false, false) {
            @Override
            Map<String, Object> valid(String base) {
                return map("status", "ok");
            }

            @Override
            Observed invoke(Adapters a) {
                return new Observed(a.health().reachable(a.timeout()) ? "Reachable" : "Unreachable", null, null);
            }
        };

        final String method;
        final String path;
        /** Goes through the idempotent retry (transport failures and 502/503/504). */
        final boolean retried;
        /** A token-endpoint answer: gets the access_token / expires_in cells. */
        final boolean tokenResponse;
        final int wrongTypesStatus;
        final java.util.function.Supplier<Map<String, Object>> wrongTypes;

        Call(String method, String path, boolean retried, boolean tokenResponse) {
            this.method = method;
            this.path = path;
            this.retried = retried;
            this.tokenResponse = tokenResponse;
            this.wrongTypesStatus = path.startsWith("/api/v1/tracker") ? 409 : 200;
            this.wrongTypes = () -> wrongTypesOf(this);
        }

        abstract Map<String, Object> valid(String base);

        abstract Observed invoke(Adapters a);

        boolean applies(Hostile hostile) {
            if ((hostile == Hostile.ACCESS_TOKEN_WITH_CRLF || hostile == Hostile.REFRESH_TOKEN_WITH_C1)) {
                return tokenResponse;
            }
            if (hostile == Hostile.TEAM_ID_WITH_CRLF) {
                return this == ME;
            }
            if (hostile.tokenField()) {
                return tokenResponse || (this == DEVICE_AUTHORIZATION && hostile.expiresIn());
            }
            return true;
        }
    }

    /** Every field the call reads, with a value of the wrong JSON type (objects, arrays, numbers for strings...). */
    private static Map<String, Object> wrongTypesOf(Call call) {
        Map<String, Object> marker = map("value", "BODY_MARKER_x " + PLANTED);
        return switch (call) {
            case DISCOVERY -> map("issuer", List.of("BODY_MARKER_x"), "token_endpoint", 443, "authorization_endpoint", marker);
            case DEVICE_AUTHORIZATION -> map("device_code", 12345, "user_code", List.of("BODY_MARKER_x"),
                    "verification_uri", marker, "expires_in", "BODY_MARKER_x", "interval", List.of());
            case DEVICE_POLL, CODE_EXCHANGE -> map("access_token", marker, "refresh_token", 7, "expires_in", List.of(3600),
                    "session_id", map("id", "BODY_MARKER_x"));
            case REFRESH -> map("access_token", List.of(PLANTED), "refresh_token", marker, "expires_in", "BODY_MARKER_x");
            case REVOKE -> map("revoked", "true");
            case ME -> map("user_id", marker, "email", List.of("BODY_MARKER_x"), "teams", "BODY_MARKER_x");
            case SESSION_STATUS -> map("session_id", marker, "status", 1);
            case BATCH_INGRESS -> map("results", map("event_id", "evt-1", "status", "success", "note", "BODY_MARKER_x"));
            // A 2xx tracker body is passed through whatever its keys; the error envelope is the typed part.
            case TRACKER_STATUS, TRACKER_PULL -> map("error_code", marker, "message", List.of("BODY_MARKER_x " + PLANTED),
                    "user_action_required", "yes", "retry_after_seconds", "soon", "category", 5);
            case HEALTH -> map("status", List.of("BODY_MARKER_x"));
        };
    }

    private static Map<String, Object> loginGrant() {
        return map("access_token", "at_SENTINEL_new", "refresh_token", "rt_SENTINEL_new", "expires_in", 3600,
                "session_id", "sess-1", "token_type", "Bearer");
    }

    private static String grantText(TokenGrant grant) {
        return "expires_in=" + grant.expiresInSeconds();
    }

    private static Observed tracker(TrackerResult result) {
        return switch (result) {
            case TrackerResult.Ok ok -> new Observed("Ok", String.valueOf(ok.body().keySet()), null);
            case TrackerResult.Failed failed -> new Observed("Failed:" + failed.errorCode(), failed.message(), failed.status());
            case TrackerResult.Unreachable unreachable -> new Observed("Unreachable", unreachable.message(), null);
            case TrackerResult.Unauthorized unauthorized -> new Observed("Unauthorized", null, null);
        };
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    // ---- the expected outcome of every cell -----------------------------------------------------

    private Expected expected(Call call, Hostile h, String base) {
        boolean success = h == Hostile.TEXT_PLAIN_CONTENT_TYPE || h == Hostile.UNKNOWN_CHARSET;
        int redirect = h == Hostile.REDIRECT_302 ? 302 : 307;
        boolean isRedirect = h == Hostile.REDIRECT_302 || h == Hostile.REDIRECT_307;
        return switch (call) {
            case DISCOVERY -> success
                    ? Expected.exact("Discovered", base + "/as/authorize")
                    : Expected.exact("Defaults", base + "/oauth/authorize");
            case DEVICE_AUTHORIZATION -> {
                if (success) {
                    yield Expected.exact("DeviceAuthorization", "WDJB-MJHT expires_in=600");
                }
                if (h.transport()) {
                    yield Expected.transport("AuthFlowException", "Network error requesting device code: ", h);
                }
                if (h.expiresIn()) {
                    yield h == Hostile.EXPIRES_IN_NUMERIC_STRING
                            ? Expected.exact("DeviceAuthorization", "WDJB-MJHT expires_in=3600")
                            : Expected.exact("AuthFlowException", "Device code response has invalid 'expires_in'.");
                }
                yield switch (h) {
                    case HTML_502 -> Expected.exact("AuthFlowException", "Device code request failed: HTTP 502");
                    case ENORMOUS_BODY -> Expected.exact("AuthFlowException", "Device code response was too large.");
                    case WRONG_TYPES -> Expected.exact("AuthFlowException",
                            "Device code response missing required field: 'device_code'");
                    case REDIRECT_302, REDIRECT_307 -> Expected.exact("AuthFlowException",
                            "Device code request failed: HTTP " + redirect);
                    default -> Expected.exact("AuthFlowException", "Device code response was not JSON.");
                };
            }
            case DEVICE_POLL -> {
                if (success || h == Hostile.EXPIRES_IN_NUMERIC_STRING) {
                    yield Expected.exact("Granted", "expires_in=3600");
                }
                if (h == Hostile.EXPIRES_IN_ZERO) {
                    yield Expected.exact("Granted", "expires_in=0");
                }
                if (h.transport()) {
                    yield Expected.transport("TransportFailed", "Network error polling for the device token: ", h);
                }
                if (h.expiresIn()) {
                    yield Expected.exact("Failed", "Token response missing or invalid 'expires_in' field.");
                }
                if (h == Hostile.ACCESS_TOKEN_WITH_CRLF || h == Hostile.REFRESH_TOKEN_WITH_C1) {
                    yield Expected.exact("Failed", malformedTokens(h));
                }
                yield switch (h) {
                    case HTML_502 -> Expected.exact("Failed", "Unexpected response from /oauth/token: HTTP 502");
                    case ENORMOUS_BODY -> Expected.exact("Failed",
                            "Unexpected response from /oauth/token: HTTP 200 (response too large)");
                    case WRONG_TYPES -> Expected.exact("Failed",
                            "Token response missing required fields: [access_token, refresh_token]");
                    case NO_ACCESS_TOKEN -> Expected.exact("Failed", "Token response missing required fields: [access_token]");
                    case REDIRECT_302, REDIRECT_307 -> Expected.exact("Failed",
                            "Unexpected response from /oauth/token: HTTP " + redirect);
                    default -> Expected.exact("Failed", "Token poll response was not JSON (HTTP 200).");
                };
            }
            case CODE_EXCHANGE -> {
                if (success || h == Hostile.EXPIRES_IN_NUMERIC_STRING) {
                    yield Expected.exact("Granted", "expires_in=3600");
                }
                if (h == Hostile.EXPIRES_IN_ZERO) {
                    yield Expected.exact("Granted", "expires_in=0");
                }
                if (h.transport()) {
                    yield Expected.transport("AuthFlowException", "Network error during code exchange: ", h);
                }
                if (h.expiresIn()) {
                    yield Expected.exact("AuthFlowException", "Token response missing or invalid 'expires_in' field.");
                }
                if (h == Hostile.ACCESS_TOKEN_WITH_CRLF || h == Hostile.REFRESH_TOKEN_WITH_C1) {
                    yield Expected.exact("AuthFlowException", malformedTokens(h));
                }
                yield switch (h) {
                    case HTML_502 -> Expected.exact("AuthFlowException", "Token exchange failed: HTTP 502");
                    case ENORMOUS_BODY -> Expected.exact("AuthFlowException", "Token exchange failed: HTTP 200 (response too large)");
                    case WRONG_TYPES -> Expected.exact("AuthFlowException",
                            "Token response missing required fields: [access_token, refresh_token]");
                    case NO_ACCESS_TOKEN -> Expected.exact("AuthFlowException", "Token response missing required fields: [access_token]");
                    case REDIRECT_302, REDIRECT_307 -> Expected.exact("AuthFlowException", "Token exchange failed: HTTP " + redirect);
                    default -> Expected.exact("AuthFlowException", "Token exchange returned invalid JSON.");
                };
            }
            case REFRESH -> {
                if (success || h == Hostile.EXPIRES_IN_NUMERIC_STRING) {
                    yield Expected.exact("Refreshed", "expires_in=3600");
                }
                if (h == Hostile.EXPIRES_IN_ZERO) {
                    yield Expected.exact("Refreshed", "expires_in=0");
                }
                if (h.transport()) {
                    yield Expected.transport(h == Hostile.SLOW_DRIP ? "TransportFailed(timeout)" : "TransportFailed",
                            "Network error during refresh: ", h);
                }
                if (h.expiresIn()) {
                    yield Expected.exact("Failed", "Refresh response has invalid 'expires_in'", 200);
                }
                if (h == Hostile.ACCESS_TOKEN_WITH_CRLF || h == Hostile.REFRESH_TOKEN_WITH_C1) {
                    yield Expected.exact("Failed", "Refresh response has a malformed token", 200);
                }
                yield switch (h) {
                    case HTML_502 -> Expected.exact("Failed", "Token refresh failed: HTTP 502", 502);
                    case ENORMOUS_BODY -> Expected.exact("Failed", "Token refresh failed: HTTP 200 (response too large)", 200);
                    case WRONG_TYPES, NO_ACCESS_TOKEN -> Expected.exact("Failed", "Refresh response missing 'access_token'", 200);
                    case REDIRECT_302, REDIRECT_307 -> Expected.exact("Failed", "Token refresh failed: HTTP " + redirect, redirect);
                    default -> Expected.exact("Failed", "Refresh response was not JSON.", 200);
                };
            }
            case REVOKE -> success ? Expected.exact("REVOKED", null)
                    : h.transport() ? Expected.exact("NETWORK_ERROR", null) : Expected.exact("SERVER_FAILURE", null);
            case ME -> {
                if (success) {
                    yield Expected.exact("Membership", "42 teams=1");
                }
                if (h.transport()) {
                    yield Expected.transport("AuthFlowException", "Network error fetching user info: ", h);
                }
                yield switch (h) {
                    case HTML_502 -> Expected.exact("AuthFlowException", "User info fetch failed: HTTP 502");
                    case ENORMOUS_BODY -> Expected.exact("AuthFlowException", "User info response was too large.");
                    case JSON_ARRAY -> Expected.exact("AuthFlowException", "User info response must be a JSON object.");
                    case WRONG_TYPES -> Expected.exact("AuthFlowException", "User info response missing required field 'user_id'.");
                    case TEAM_ID_WITH_CRLF -> Expected.exact("AuthFlowException",
                            "User info response has a malformed team field 'id' (control characters).");
                    case REDIRECT_302, REDIRECT_307 -> Expected.exact("AuthFlowException", "User info fetch failed: HTTP " + redirect);
                    default -> Expected.exact("AuthFlowException", "User info response was not JSON.");
                };
            }
            case SESSION_STATUS -> {
                if (success) {
                    yield Expected.exact("Active", "sess-7");
                }
                if (h.transport()) {
                    yield Expected.transport("Failed", "Network error: ", h);
                }
                yield switch (h) {
                    case HTML_502 -> Expected.exact("Failed", "Server returned HTTP 502");
                    // A 200 with a JSON object is an active session (§2.8); an unreadable session_id is just not shown.
                    case WRONG_TYPES -> Expected.exact("Active", null);
                    case REDIRECT_302, REDIRECT_307 -> Expected.exact("Failed", "Server returned HTTP " + redirect);
                    default -> Expected.exact("Failed", "Invalid response from server");
                };
            }
            case BATCH_INGRESS -> {
                if (success) {
                    yield Expected.exact("Synced+Duplicate", null);
                }
                if (h.transport()) {
                    yield h == Hostile.SLOW_DRIP ? Expected.exact("Failed:retryable_transport", "Request timeout")
                            : Expected.transport("Failed:retryable_transport", "Connection error: ", h);
                }
                yield switch (h) {
                    case HTML_502 -> Expected.exact("Failed:server_error", "HTTP 502", 502);
                    case ENORMOUS_BODY -> Expected.exact("Failed:unknown",
                            "The batch ingress answered with an oversized body (HTTP 200)", 200);
                    case REDIRECT_302, REDIRECT_307 -> Expected.exact("Failed:unknown", "HTTP " + redirect, redirect);
                    default -> Expected.exact("Failed:unknown",
                            "Unexpected response from the batch ingress (HTTP 200 without per-event results)", 200);
                };
            }
            case TRACKER_STATUS, TRACKER_PULL -> {
                if (success) {
                    yield Expected.exact("Ok", String.valueOf(call.valid(base).keySet()));
                }
                if (h.transport()) {
                    yield Expected.exact("Unreachable",
                            "Cannot connect to Spec Kitty SaaS at " + base + ". Check your network connection.");
                }
                yield switch (h) {
                    case HTML_502 -> Expected.exact("Failed:null", "HTTP 502", 502);
                    case ENORMOUS_BODY -> Expected.exact("Failed:invalid_response", "HTTP 200 (the answer was too large)", 200);
                    case WRONG_TYPES -> Expected.exact("Failed:null", "HTTP 409", 409);
                    case REDIRECT_302, REDIRECT_307 -> Expected.exact("Failed:null", "HTTP " + redirect, redirect);
                    default -> Expected.exact("Failed:invalid_response", "HTTP 200 (the answer was not a JSON object)", 200);
                };
            }
            // A slow drip is reachable: its 200 and every chunk arrive within the probe's timeout (the
            // host's connect and per-read timeouts, docs/cli.md); readiness asks whether the host answers.
            case HEALTH -> (h == Hostile.HTML_502 || isRedirect || (h.transport() && h != Hostile.SLOW_DRIP))
                    ? Expected.exact("Unreachable", null) : Expected.exact("Reachable", null);
        };
    }

    private static String malformedTokens(Hostile h) {
        return "Token response has malformed fields: ["
                + (h == Hostile.ACCESS_TOKEN_WITH_CRLF ? "access_token" : "refresh_token") + "]";
    }

    /** Requests the call's path must have received: one, or the retry budget for idempotent calls. */
    private static int expectedAttempts(Call call, Hostile hostile) {
        boolean retryable = hostile.transport() || hostile == Hostile.HTML_502;
        return call.retried && retryable ? RETRY_ATTEMPTS : 1;
    }

    // ---- the matrix -----------------------------------------------------------------------------

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (Call call : Call.values()) {
            for (Hostile hostile : Hostile.values()) {
                if (call.applies(hostile)) {
                    cells.add(Arguments.of(call, hostile));
                }
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} × {1}")
    @MethodSource("cells")
    void everyHostileAnswerHasItsDefinedOutcome(Call call, Hostile hostile) throws Exception {
        try (RawHttpServer raw = hostile.raw() ? new RawHttpServer(call.path, hostile.rawAnswer()) : null) {
            HostedEndpoints target = raw == null ? endpoints : HostedEndpoints.of(raw.baseUrl());
            if (raw == null) {
                server.stubFor(request(call.method, urlPathEqualTo(call.path)).willReturn(answer(call, hostile)));
            }
            assertCell(call, hostile, target);
            long attempts = raw == null ? server.findAll(requestedFor(call.method, urlPathEqualTo(call.path))).size()
                    : raw.requests(call.method, call.path);
            assertThat(attempts).as("requests to %s %s", call.method, call.path).isEqualTo(expectedAttempts(call, hostile));
        }
    }

    private void assertCell(Call call, Hostile hostile, HostedEndpoints target) {
        Duration timeout = hostile == Hostile.SLOW_DRIP ? DRIP_TIMEOUT : NORMAL_TIMEOUT;
        HostedHttpSettings settings = new HostedHttpSettings(NORMAL_TIMEOUT, timeout, BODY_CAP, RetrySettings.fast());
        Adapters adapters = new Adapters(new HostedAdapters(target, settings, timeout),
                new WebClientHostedHealth(target, settings), timeout);

        Observed observed = observe(call, adapters);

        Expected expected = expected(call, hostile, target.baseUrl());
        assertThat(observed.kind()).as("outcome of %s × %s (%s)", call, hostile, observed).isEqualTo(expected.kind());
        if (expected.messagePattern() == null) {
            assertThat(observed.message()).as("message").isNull();
        } else {
            assertThat(observed.message()).as("message of %s", observed).matches(expected.messagePattern());
        }
        if (expected.status() != null) {
            assertThat(observed.status()).as("status of %s", observed).isEqualTo(expected.status());
        }
        assertClearMessage(observed);
        assertThat(elsewhere.findAll(anyRequestedFor(anyUrl()))).as("requests that reached the other host").isEmpty();
        synchronized (CELLS_BY_OUTCOME) {
            CELLS_BY_OUTCOME.merge(observed.kind(), 1, Integer::sum);
        }
    }

    /** The call's outcome; an AuthFlowException is the typed failure of the throwing ports, anything else a crash. */
    private Observed observe(Call call, Adapters adapters) {
        try {
            return seen(call.invoke(adapters));
        } catch (AuthFlowException failure) {
            seen(failure);
            return new Observed("AuthFlowException", failure.getMessage(), null);
        }
    }

    /** One line, short, no stack trace, no markup or body text, no URL of the other host. */
    private static void assertClearMessage(Observed observed) {
        String message = observed.message();
        if (message == null) {
            return;
        }
        assertThat(message).as("message").isNotBlank().hasSizeLessThanOrEqualTo(MAX_MESSAGE)
                .doesNotContain("\n", "\r", "\tat ", "<", "Traceback", "x".repeat(64), ":" + elsewhere.port(), PLANTED,
                        "\u001b", "\u009b", "2OO", "SSH-2.0", "ZZZZ", "X-Injected", "FAKE:");
    }

}

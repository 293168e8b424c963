package dev.speckitty.adapters.hosted;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.speckitty.adapters.hosted.HostedWireMockTest.ACCESS;
import static dev.speckitty.adapters.hosted.HostedWireMockTest.AUTH_CODE;
import static dev.speckitty.adapters.hosted.HostedWireMockTest.DEVICE_CODE;
import static dev.speckitty.adapters.hosted.HostedWireMockTest.REFRESH;
import static dev.speckitty.adapters.hosted.HostedWireMockTest.STATE;
import static dev.speckitty.adapters.hosted.HostedWireMockTest.VERIFIER;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.speckitty.adapters.hosted.GeneratedJson.Mutation;
import dev.speckitty.adapters.hosted.http.HostedHttpClient;
import dev.speckitty.adapters.hosted.http.IdempotentRetry;
import dev.speckitty.adapters.hosted.http.RetrySettings;
import dev.speckitty.adapters.hosted.http.SafeText;
import dev.speckitty.adapters.hosted.ingress.WebClientEventIngress;
import dev.speckitty.adapters.hosted.membership.WebClientMembershipDirectory;
import dev.speckitty.adapters.hosted.oauth.OAuthMetadataDiscovery;
import dev.speckitty.adapters.hosted.oauth.TokenLifetimes;
import dev.speckitty.adapters.hosted.oauth.WebClientAuthorizationServer;
import dev.speckitty.adapters.hosted.status.WebClientSessionStatusProbe;
import dev.speckitty.adapters.hosted.tracker.WebClientTrackerService;
import dev.speckitty.domain.auth.AuthFlowException;
import dev.speckitty.domain.auth.AuthorizationRequest;
import dev.speckitty.domain.auth.DeviceAuthorization;
import dev.speckitty.domain.auth.DevicePoll;
import dev.speckitty.domain.auth.Membership;
import dev.speckitty.domain.auth.RefreshResult;
import dev.speckitty.domain.auth.RefreshResult.RejectionCause;
import dev.speckitty.domain.auth.ServerSessionStatus;
import dev.speckitty.domain.auth.TokenGrant;
import dev.speckitty.domain.hosted.FailureCategory;
import dev.speckitty.domain.hosted.HostedFailure;
import dev.speckitty.domain.session.Secret;
import dev.speckitty.domain.session.Team;
import dev.speckitty.domain.sync.EventResult;
import dev.speckitty.domain.sync.QueuedEvent;
import dev.speckitty.domain.tracker.TrackerResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 6, part 3: property tests of every hosted response parser, through the real adapters and
 * a WireMock server on 127.0.0.1. Even cases are valid documents with random extra keys and
 * unicode, and must parse to exactly the generated values; odd cases are mutations of them
 * ({@link GeneratedJson#mutate}) and must end in a typed result or a typed failure with one of the
 * defined messages. In every case no exception other than the port's own escapes, and no planted
 * secret, request token or control character reaches a message or a {@code toString()}.
 */
class HostedParserPropertiesTest {

    static final int CASES = 40;
    private static final String WELL_KNOWN = "/.well-known/oauth-authorization-server";
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\p{Cf}\\p{Zl}\\p{Zp}]");
    private static final List<String> REQUEST_TOKENS = List.of(ACCESS, REFRESH, DEVICE_CODE, AUTH_CODE, VERIFIER, STATE);
    private static final AuthorizationRequest BROWSER_REQUEST = new AuthorizationRequest(
            "http://127.0.0.1:28888/callback", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
            Secret.of(STATE), Secret.of(VERIFIER));
    private static final Map<String, AtomicInteger> OUTCOMES = new ConcurrentHashMap<>();

    private static WireMockServer server;
    private static HostedEndpoints endpoints;
    private static HostedHttpClient http;
    private static IdempotentRetry retry;
    private static WebClientAuthorizationServer oauth;

    @BeforeAll
    static void start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        endpoints = HostedEndpoints.of("http://127.0.0.1:" + server.port());
        HostedHttpSettings settings = HostedHttpSettings.defaults().withCallTimeout(Duration.ofSeconds(10))
                .withRetry(RetrySettings.fast());
        http = HostedHttpClient.create(settings);
        retry = new IdempotentRetry(settings.retry());
        oauth = new WebClientAuthorizationServer(endpoints, new OAuthMetadataDiscovery(endpoints, http, retry), http);
        GeneratedJson.seed(); // prints the seed once
    }

    @AfterAll
    static void stop() {
        server.stop();
        System.out.println("hosted parser properties: " + CASES + " cases per property, outcomes " + new java.util.TreeMap<>(OUTCOMES));
    }

    static IntStream cases() {
        return IntStream.range(0, CASES);
    }

    // ---- plumbing -------------------------------------------------------------------------------

    /** One generated case: the document sent, and whether it is valid (even index) or a mutation. */
    private record Case(String property, int index, GeneratedJson g, boolean valid, String json, String description,
            Map<String, Object> document) {

        String where() {
            return GeneratedJson.describeCase(property, index) + (valid ? " valid" : " mutated: " + description)
                    + " document=" + json;
        }
    }

    private static Case generate(String property, int index, java.util.function.Function<GeneratedJson, Map<String, Object>> valid,
            Set<String> known) {
        GeneratedJson g = GeneratedJson.forCase(property, index);
        Map<String, Object> document = g.withExtras(valid.apply(g), known);
        if (index % 2 == 0) {
            return new Case(property, index, g, true, g.render(document), "", document);
        }
        Mutation mutation = g.mutate(document);
        return new Case(property, index, g, false, mutation.json(), mutation.description(), document);
    }

    private static void answer(String method, String path, int status, String body) {
        server.resetMappings();
        server.stubFor(request(method, urlPathEqualTo(path)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    private static void count(String property, String outcome) {
        OUTCOMES.computeIfAbsent(property + ":" + outcome, k -> new AtomicInteger()).incrementAndGet();
    }

    /** A message shown to people: no planted secret, request token or control character, and short. */
    private static void assertSafe(Case c, String text) {
        assertSafe(c, text, false);
    }

    private static void assertSafe(Case c, String text, boolean detailsLineBreak) {
        if (text == null) {
            return;
        }
        assertNoSecrets(c, text);
        String checked = detailsLineBreak ? text.replace("\nDetails: ", " Details: ") : text;
        assertThat(CONTROL.matcher(checked).find()).as("%s: control characters in «%s»", c.where(), text).isFalse();
        assertThat(text.length()).as("%s: message length", c.where()).isLessThanOrEqualTo(2 * SafeText.MAX_LENGTH + 40);
    }

    /**
     * A value's {@code toString()}: no planted secret and no request token. (Server data such as a
     * session id or a team name is shown by design, control characters included; see the docs.)
     */
    private static void assertNoSecrets(Case c, String text) {
        for (String secret : c.g().planted()) {
            assertThat(text).as("%s: text must not echo a planted secret", c.where()).doesNotContain(secret);
        }
        for (String token : REQUEST_TOKENS) {
            assertThat(text).as("%s: text must not echo a request token", c.where()).doesNotContain(token);
        }
    }

    /** The port's typed failure, or the value; any other exception fails the property. */
    private static <T> Object outcome(Case c, Supplier<T> call) {
        try {
            return call.get();
        } catch (AuthFlowException failure) {
            assertSafe(c, failure.getMessage());
            assertSafe(c, failure.toString());
            return failure;
        }
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                map.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return map;
    }

    private static Long idOrNull(Object value) {
        return value instanceof Number n ? n.longValue() : null;
    }

    // ---- token grants: code exchange (login grant) ----------------------------------------------

    private static final Set<String> GRANT_FIELDS = Set.of("access_token", "refresh_token", "expires_in", "session_id",
            "scope", "refresh_token_expires_in", "refresh_token_expires_at", "generation", "token_type");
    private static final Pattern LOGIN_GRANT_FAILURE = Pattern.compile(
            "Token response missing required fields: \\[[a-z_, ]+\\]|Token response missing or invalid 'expires_in' field\\."
                    + "|Token response has malformed fields: \\[[a-z_, ]+\\]"
                    + "|Token exchange returned invalid JSON\\.|" + Pattern.quote(TokenLifetimes.BAD_EXPIRES_AT));

    private static Map<String, Object> grant(GeneratedJson g, boolean login) {
        return map(
                "access_token", g.secret(),
                "refresh_token", login || g.chance(0.5) ? g.secret() : null,
                "expires_in", login || g.chance(0.7) ? g.between(0L, TokenLifetimes.MAX_LIFETIME_SECONDS) : null,
                "session_id", login ? (g.chance(0.5) ? (Object) g.word() : (Object) g.between(1L, 1_000_000_000_000L)) : null,
                "scope", g.chance(0.5) ? "offline_access " + g.word() : null,
                "refresh_token_expires_in", g.chance(0.4) ? g.between(0L, TokenLifetimes.MAX_LIFETIME_SECONDS) : null,
                "refresh_token_expires_at", g.chance(0.4) ? g.instant().toString() : null,
                "generation", g.chance(0.4) ? g.between(0L, 1_000_000L) : null,
                "token_type", "Bearer");
    }

    private static void assertGrantMatches(Case c, TokenGrant grant, Map<String, Object> sent) {
        assertThat(grant.accessToken().reveal()).as(c.where()).isEqualTo(sent.get("access_token"));
        assertThat(grant.refreshToken() == null ? null : grant.refreshToken().reveal()).as(c.where()).isEqualTo(sent.get("refresh_token"));
        assertThat(grant.expiresInSeconds()).as(c.where()).isEqualTo(idOrNull(sent.get("expires_in")));
        assertThat(grant.scope()).as(c.where()).isEqualTo(sent.get("scope"));
        assertThat(grant.refreshTokenExpiresInSeconds()).as(c.where()).isEqualTo(idOrNull(sent.get("refresh_token_expires_in")));
        assertThat(grant.refreshTokenExpiresAt() == null ? null : grant.refreshTokenExpiresAt().toString())
                .as(c.where()).isEqualTo(sent.get("refresh_token_expires_at"));
        assertThat(grant.generation()).as(c.where()).isEqualTo(idOrNull(sent.get("generation")));
    }

    private static void assertGrantSane(Case c, TokenGrant grant) {
        assertThat(grant.accessToken().isBlank()).as(c.where()).isFalse();
        if (grant.expiresInSeconds() != null) {
            assertThat(grant.expiresInSeconds()).as(c.where()).isBetween(0L, TokenLifetimes.MAX_LIFETIME_SECONDS);
        }
        if (grant.refreshTokenExpiresInSeconds() != null) {
            assertThat(grant.refreshTokenExpiresInSeconds()).as(c.where()).isBetween(0L, TokenLifetimes.MAX_LIFETIME_SECONDS);
        }
        String text = grant.toString();
        assertThat(text).as(c.where()).doesNotContain(grant.accessToken().reveal());
        if (grant.refreshToken() != null) {
            assertThat(text).as(c.where()).doesNotContain(grant.refreshToken().reveal());
        }
    }

    @ParameterizedTest(name = "login grant case {0}")
    @MethodSource("cases")
    void loginGrants(int index) {
        Map<String, Object>[] sent = new Map[1];
        Case c = generate("login-grant", index, g -> sent[0] = grant(g, true), GRANT_FIELDS);
        answer("POST", "/oauth/token", 200, c.json());

        Object result = outcome(c, () -> oauth.exchangeAuthorizationCode(Secret.of(AUTH_CODE), BROWSER_REQUEST));

        if (c.valid()) {
            assertThat(result).as(c.where()).isInstanceOf(TokenGrant.class);
            assertGrantMatches(c, (TokenGrant) result, sent[0]);
            assertThat(((TokenGrant) result).sessionId()).as(c.where()).isEqualTo(String.valueOf(sent[0].get("session_id")));
        } else if (result instanceof TokenGrant grant) {
            assertGrantSane(c, grant);
            assertThat(grant.refreshToken()).as(c.where()).isNotNull();
            assertThat(grant.sessionId()).as(c.where()).isNotBlank();
        } else {
            assertThat(((AuthFlowException) result).getMessage()).as(c.where()).matches(LOGIN_GRANT_FAILURE);
        }
        count("login-grant", result.getClass().getSimpleName());
    }

    // ---- token grants: refresh, with its error answers ------------------------------------------

    private static final Pattern REFRESH_FAILURE = Pattern.compile(
            "Token refresh failed: HTTP \\d{3}( \\([A-Za-z0-9_.:-]{1,64}\\))?( \\(response too large\\))?"
                    + "|Refresh response was not JSON\\.|Refresh response missing 'access_token'"
                    + "|Refresh response has a malformed token"
                    + "|Refresh response has invalid 'expires_in'|" + Pattern.quote(TokenLifetimes.BAD_EXPIRES_AT));

    @ParameterizedTest(name = "refresh answer case {0}")
    @MethodSource("cases")
    void refreshAnswers(int index) {
        int[] status = new int[1];
        Map<String, Object>[] sent = new Map[1];
        Case c = generate("refresh", index, g -> {
            status[0] = g.chance(0.35) ? 200 : g.oneOf(400, 401, 409, 409, 500, 503);
            sent[0] = status[0] == 200 ? grant(g, false) : map(
                    "error", g.oneOf("invalid_grant", "invalid_grant", "session_invalid", "refresh_replay_benign_retry",
                            "refresh_replay_benign_retry", "invalid_request", g.word(), g.secret(), REFRESH, g.text(3)),
                    "error_description", g.chance(0.6) ? g.text(5) + " " + REFRESH : null,
                    "retry_after", g.chance(0.6) ? g.between(0, 5) : null);
            return sent[0];
        }, Set.of("access_token", "refresh_token", "expires_in", "scope", "refresh_token_expires_in",
                "refresh_token_expires_at", "generation", "token_type", "error", "error_description", "retry_after"));
        answer("POST", "/oauth/token", status[0], c.json());

        RefreshResult result = oauth.refresh(Secret.of(REFRESH));

        if (!(result instanceof RefreshResult.Refreshed)) {
            assertNoSecrets(c, result.toString());
        }
        assertThat(result).as(c.where()).isNotInstanceOf(RefreshResult.TransportFailed.class);
        switch (result) {
            case RefreshResult.Refreshed refreshed -> {
                assertThat(status[0]).as(c.where()).isEqualTo(200);
                assertGrantSane(c, refreshed.grant());
            }
            case RefreshResult.Replay replay -> {
                assertThat(status[0]).as(c.where()).isEqualTo(409);
                assertThat(replay.retryAfterSeconds()).as(c.where()).isBetween(0, 3600);
            }
            case RefreshResult.Rejected rejected -> assertThat(status[0]).as(c.where()).isIn(400, 401);
            case RefreshResult.Failed failed -> {
                assertThat(failed.message()).as(c.where()).matches(REFRESH_FAILURE);
                assertThat(failed.httpStatus()).as(c.where()).isEqualTo(status[0]);
                assertSafe(c, failed.message());
            }
            case RefreshResult.TransportFailed transport -> throw new AssertionError(c.where());
        }
        if (c.valid()) {
            Object error = sent[0].get("error");
            RefreshResult expected = switch (status[0]) {
                case 200 -> null;
                case 409 -> "refresh_replay_benign_retry".equals(error)
                        ? new RefreshResult.Replay(((Number) sent[0].getOrDefault("retry_after", 0)).intValue()) : null;
                case 400, 401 -> "invalid_grant".equals(error) ? new RefreshResult.Rejected(RejectionCause.REFRESH_TOKEN_EXPIRED)
                        : "session_invalid".equals(error) ? new RefreshResult.Rejected(RejectionCause.SESSION_INVALID) : null;
                default -> null;
            };
            if (status[0] == 200) {
                assertThat(result).as(c.where()).isInstanceOf(RefreshResult.Refreshed.class);
                assertGrantMatches(c, ((RefreshResult.Refreshed) result).grant(), sent[0]);
            } else if (expected != null) {
                assertThat(result).as(c.where()).isEqualTo(expected);
            } else {
                // the code is shown only when it is plain-shaped and looks like neither a token nor the token sent
                String plain = String.valueOf(error).strip();
                boolean shown = plain.matches("[A-Za-z0-9_.:-]{1,64}") && !plain.contains(REFRESH)
                        && !(plain.length() >= 32 || (plain.length() >= 16 && plain.matches(".*\\d.*")));
                String code = shown ? " (" + plain + ")" : "";
                assertThat(result).as(c.where()).isEqualTo(new RefreshResult.Failed(
                        "Token refresh failed: HTTP " + status[0] + code, status[0]));
            }
        }
        count("refresh", status[0] + "/" + result.getClass().getSimpleName());
    }

    // ---- device authorization -------------------------------------------------------------------

    private static final Pattern DEVICE_FAILURE = Pattern.compile(
            "Device code response missing required field: '(device_code|user_code|verification_uri)'"
                    + "|Device code response has invalid '(expires_in|interval)'\\.|Device code response was not JSON\\.");

    @ParameterizedTest(name = "device authorization case {0}")
    @MethodSource("cases")
    void deviceAuthorizations(int index) {
        Map<String, Object>[] sent = new Map[1];
        Case c = generate("device-authorization", index, g -> sent[0] = map(
                "device_code", g.secret(),
                "user_code", g.word(),
                "verification_uri", "https://example.test/" + g.word(),
                "verification_uri_complete", g.chance(0.5) ? "https://example.test/complete?u=" + g.word() : null,
                "expires_in", g.chance(0.7) ? g.between(1L, TokenLifetimes.MAX_LIFETIME_SECONDS) : null,
                "interval", g.chance(0.7) ? g.between(0L, 3600L) : null),
                Set.of("device_code", "user_code", "verification_uri", "verification_uri_complete", "expires_in", "interval"));
        answer("POST", "/oauth/device", 200, c.json());

        Object result = outcome(c, oauth::requestDeviceAuthorization);

        if (result instanceof DeviceAuthorization auth) {
            // user_code and verification_uri are shown by design; the device code never
            assertThat(auth.toString()).as(c.where()).doesNotContain(auth.deviceCode().reveal());
            assertThat(auth.expiresInSeconds()).as(c.where()).isBetween(1L, TokenLifetimes.MAX_LIFETIME_SECONDS);
            assertThat(auth.intervalSeconds()).as(c.where()).isBetween(0L, 3600L);
            if (c.valid()) {
                assertThat(auth.deviceCode().reveal()).isEqualTo(sent[0].get("device_code"));
                assertThat(auth.userCode()).isEqualTo(sent[0].get("user_code"));
                assertThat(auth.verificationUri()).isEqualTo(sent[0].get("verification_uri"));
                assertThat(auth.verificationUriComplete()).isEqualTo(sent[0].get("verification_uri_complete"));
                assertThat(auth.expiresInSeconds()).isEqualTo(((Number) sent[0].getOrDefault("expires_in", 900L)).longValue());
                assertThat(auth.intervalSeconds()).isEqualTo(((Number) sent[0].getOrDefault("interval", 5L)).longValue());
            }
        } else {
            assertThat(c.valid()).as("%s: a valid document failed: %s", c.where(), result).isFalse();
            assertThat(((AuthFlowException) result).getMessage()).as(c.where()).matches(DEVICE_FAILURE);
        }
        count("device-authorization", result.getClass().getSimpleName());
    }

    // ---- device poll errors ---------------------------------------------------------------------

    private static final String UNEXPECTED_DEVICE_ERROR = "Unexpected device flow error: ";
    private static final Pattern POLL_FAILURE = Pattern.compile(
            "Token poll response was not JSON \\(HTTP \\d{3}\\)\\.|Unexpected response from /oauth/token: HTTP \\d{3}"
                    + "|Token response missing required fields: \\[[a-z_, ]+\\]|Token response missing or invalid 'expires_in' field\\."
                    + "|" + Pattern.quote(TokenLifetimes.BAD_EXPIRES_AT));

    @ParameterizedTest(name = "device poll case {0}")
    @MethodSource("cases")
    void devicePollErrors(int index) {
        Map<String, Object>[] sent = new Map[1];
        int[] status = new int[1];
        Case c = generate("device-poll", index, g -> {
            status[0] = g.chance(0.8) ? 400 : 200;
            return sent[0] = map(
                    "error", g.oneOf("authorization_pending", "slow_down", "access_denied", "expired_token", "invalid_scope",
                            g.word(), g.secret(), g.text(3), DEVICE_CODE),
                    "error_description", g.chance(0.6) ? g.text(6) + (g.chance(0.5) ? " " + DEVICE_CODE : "") : null);
        }, Set.of("error", "error_description", "access_token"));
        answer("POST", "/oauth/token", status[0], c.json());

        DevicePoll poll = oauth.pollDeviceToken(Secret.of(DEVICE_CODE));

        if (!(poll instanceof DevicePoll.Granted)) {
            assertNoSecrets(c, poll.toString());
        }
        String message = switch (poll) {
            case DevicePoll.Denied denied -> denied.message();
            case DevicePoll.Expired expired -> expired.message();
            case DevicePoll.Failed failed -> failed.message();
            case DevicePoll.TransportFailed transport -> throw new AssertionError(c.where() + " " + transport);
            default -> null;
        };
        assertSafe(c, message);
        if (poll instanceof DevicePoll.Failed failed) {
            assertThat(failed.message()).as(c.where()).matches(POLL_FAILURE);
        }
        if (poll instanceof DevicePoll.Denied denied && denied.message().startsWith(UNEXPECTED_DEVICE_ERROR)) {
            assertThat(denied.message().length()).as(c.where()).isGreaterThan(UNEXPECTED_DEVICE_ERROR.length());
        }
        if (c.valid()) {
            Class<?> expected = switch (String.valueOf(sent[0].get("error"))) {
                case "authorization_pending" -> DevicePoll.Pending.class;
                case "slow_down" -> DevicePoll.SlowDown.class;
                case "expired_token" -> DevicePoll.Expired.class;
                default -> DevicePoll.Denied.class;
            };
            assertThat(poll).as(c.where()).isInstanceOf(expected);
        }
        count("device-poll", poll.getClass().getSimpleName());
    }

    // ---- authorization server metadata ----------------------------------------------------------

    @ParameterizedTest(name = "metadata case {0}")
    @MethodSource("cases")
    void metadata(int index) {
        String base = endpoints.baseUrl();
        Map<String, Object>[] sent = new Map[1];
        Case c = generate("metadata", index, g -> sent[0] = map(
                "issuer", base + (g.chance(0.3) ? "/" : ""),
                "token_endpoint", base + "/t/" + g.between(0, 999),
                "authorization_endpoint", g.chance(0.7) ? base + "/a/" + g.between(0, 999) : null,
                "device_authorization_endpoint", g.chance(0.7) ? base + "/d/" + g.between(0, 999) : null,
                "revocation_endpoint", g.chance(0.7) ? base + "/r/" + g.between(0, 999) : null,
                "grant_types_supported", List.of("authorization_code", "refresh_token"),
                "code_challenge_methods_supported", List.of("S256")),
                Set.of("issuer", "token_endpoint", "authorization_endpoint", "device_authorization_endpoint", "revocation_endpoint"));
        answer("GET", WELL_KNOWN, 200, c.json());
        // discovery is memoised per instance: a fresh one per case
        WebClientAuthorizationServer fresh = new WebClientAuthorizationServer(endpoints,
                new OAuthMetadataDiscovery(endpoints, http, retry), http);

        String url = fresh.authorizationUrl(BROWSER_REQUEST);
        boolean discovered = fresh.discovered();

        assertThat(url).as(c.where()).startsWith(base + "/").contains("?client_id=");
        assertSafe(c, url.substring(0, url.indexOf('?')));
        if (c.valid()) {
            assertThat(discovered).as(c.where()).isTrue();
            Object authorize = sent[0].getOrDefault("authorization_endpoint", base + "/oauth/authorize");
            assertThat(url).as(c.where()).startsWith(authorize + "?");
        } else if (!discovered) {
            assertThat(url).as(c.where()).startsWith(base + "/oauth/authorize?");
        }
        count("metadata", discovered ? "discovered" : "defaults");
    }

    // ---- /api/v1/me -----------------------------------------------------------------------------

    private static final Pattern ME_FAILURE = Pattern.compile(
            "User info response (was not JSON\\.|must be a JSON object\\.|missing required field '(user_id|email)'\\."
                    + "|has a malformed (field 'user_id'|team field 'id') \\(control characters\\)\\."
                    + "|field 'teams' must be a list\\.|team entry must be an object\\.|missing required team field '(id|name|role)'\\.)"
                    + "|" + Pattern.quote(TokenLifetimes.BAD_EXPIRES_AT));

    @ParameterizedTest(name = "membership case {0}")
    @MethodSource("cases")
    void membership(int index) {
        Map<String, Object>[] sent = new Map[1];
        Case c = generate("membership", index, g -> {
            List<Object> teams = new ArrayList<>();
            for (int i = g.between(0, 4); i > 0; i--) {
                teams.add(map("id", g.chance(0.7) ? (Object) ("t-" + g.word()) : (Object) g.between(1L, 99999L),
                        "name", g.chance(0.9) ? g.word() : "",
                        "role", g.oneOf("owner", "admin", "member"),
                        "is_private_teamspace", g.chance(0.6) ? g.chance(0.3) : null,
                        g.key(), g.anyValue(1)));
            }
            return sent[0] = map(
                    "user_id", g.chance(0.5) ? (Object) g.between(1L, 1_000_000L) : (Object) ("u-" + g.word()),
                    "email", g.word() + "@example.test",
                    "name", g.chance(0.6) ? g.word() : null,
                    "teams", teams,
                    "refresh_token_expires_at", g.chance(0.3) ? g.instant().toString() : null,
                    "session_id", g.word());
        }, Set.of("user_id", "email", "name", "teams", "refresh_token_expires_at"));
        answer("GET", "/api/v1/me", 200, c.json());

        Object result = outcome(c, () -> new WebClientMembershipDirectory(endpoints, new OAuthMetadataDiscovery(endpoints, http, retry), http, retry).fetch(Secret.of(ACCESS)));

        if (result instanceof Membership me) {
            assertThat(me.userId()).as(c.where()).isNotBlank();
            assertThat(me.email()).as(c.where()).isNotBlank();
            if (c.valid()) {
                assertThat(me.userId()).isEqualTo(String.valueOf(sent[0].get("user_id")));
                assertThat(me.email()).isEqualTo(sent[0].get("email"));
                assertThat(me.name()).isEqualTo(sent[0].getOrDefault("name", sent[0].get("email")));
                List<?> teams = (List<?>) sent[0].get("teams");
                assertThat(me.teams()).extracting(Team::id).containsExactlyElementsOf(
                        teams.stream().map(t -> String.valueOf(((Map<?, ?>) t).get("id"))).toList());
                assertThat(me.teams()).extracting(Team::privateTeamspace).containsExactlyElementsOf(
                        teams.stream().map(t -> Boolean.TRUE.equals(((Map<?, ?>) t).get("is_private_teamspace"))).toList());
            }
        } else {
            assertThat(c.valid()).as("%s: a valid document failed: %s", c.where(), result).isFalse();
            assertThat(((AuthFlowException) result).getMessage()).as(c.where()).matches(ME_FAILURE);
        }
        count("membership", result.getClass().getSimpleName());
    }

    // ---- session status -------------------------------------------------------------------------

    @ParameterizedTest(name = "session status case {0}")
    @MethodSource("cases")
    void sessionStatus(int index) {
        Map<String, Object>[] sent = new Map[1];
        int[] status = new int[1];
        Case c = generate("session-status", index, g -> {
            status[0] = g.chance(0.8) ? 200 : g.oneOf(401, 403, 404, 500);
            return sent[0] = map(
                    "session_id", g.chance(0.5) ? (Object) ("sess-" + g.word()) : (Object) g.between(1L, 1_000_000L),
                    "status", "active", "current_generation", g.between(0, 50),
                    "token_family_id", g.secret(), "is_revoked", false);
        }, Set.of("session_id", "status", "current_generation"));
        answer("GET", "/api/v1/session-status", status[0], c.json());

        ServerSessionStatus result = new WebClientSessionStatusProbe(endpoints, http, retry).check(Secret.of(ACCESS));

        if (result.active()) {
            // session_id is the one field shown (§2.8), whatever it holds; nothing else of the body is
            assertThat(status[0]).as(c.where()).isEqualTo(200);
            assertThat(result.toString()).as(c.where()).doesNotContain((String) c.document().get("token_family_id"));
        } else {
            assertSafe(c, result.error());
            // never the catch-all: that would mean a parser threw
            assertThat(result.error()).as(c.where())
                    .matches("Invalid response from server|Server returned HTTP \\d{3}|re-authenticate");
        }
        if (c.valid()) {
            assertThat(result).as(c.where()).isEqualTo(status[0] == 200
                    ? ServerSessionStatus.active(String.valueOf(sent[0].get("session_id")))
                    : ServerSessionStatus.failed(status[0] == 401 ? "re-authenticate" : "Server returned HTTP " + status[0]));
        }
        count("session-status", result.active() ? "active" : "failed");
    }

    // ---- batch ingress: 200 results and 400 details ---------------------------------------------

    private static final Set<String> SYNCED = Set.of("success", "accepted", "warning");

    private static List<QueuedEvent> events(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> new QueuedEvent("evt-" + i, "{\"event_id\":\"evt-" + i + "\"}")).toList();
    }

    @ParameterizedTest(name = "batch results case {0}")
    @MethodSource("cases")
    void batchResults(int index) {
        int[] size = new int[1];
        Map<String, Object>[] sent = new Map[1];
        Case c = generate("batch-results", index, g -> {
            size[0] = g.between(1, 4);
            List<Object> results = new ArrayList<>();
            for (int i = 1; i <= size[0]; i++) {
                if (g.chance(0.85)) {
                    results.add(map("event_id", "evt-" + i,
                            "status", g.oneOf("success", "accepted", "warning", "duplicate", "rejected", "error", g.word()),
                            "error_message", g.chance(0.4) ? g.text(5) : null,
                            "error", g.chance(0.4) ? g.text(5) : null));
                }
            }
            if (g.chance(0.3)) {
                results.add(map("event_id", "evt-unknown", "status", "success"));
            }
            java.util.Collections.shuffle(results, new java.util.Random(g.between(0, 1000)));
            return sent[0] = map("results", results, "accepted", g.between(0, 4));
        }, Set.of("results"));
        answer("POST", WebClientEventIngress.PATH, 200, c.json());

        List<EventResult> results = new WebClientEventIngress(endpoints, http, retry).send(events(size[0]), "t-private", Secret.of(ACCESS));

        assertBatchSafe(c, results, size[0]);
        if (c.valid()) {
            List<?> entries = (List<?>) sent[0].get("results");
            for (int i = 1; i <= size[0]; i++) {
                String id = "evt-" + i;
                Map<?, ?> entry = entries.stream().map(e -> (Map<?, ?>) e).filter(e -> id.equals(e.get("event_id"))).findFirst().orElse(null);
                EventResult result = results.get(i - 1);
                if (entry == null) {
                    assertThat(result).as(c.where()).isEqualTo(new EventResult.Failed(id,
                            new HostedFailure(FailureCategory.UNKNOWN, "No result returned for event", 200)));
                } else if (SYNCED.contains(entry.get("status"))) {
                    assertThat(result).as(c.where()).isEqualTo(new EventResult.Synced(id));
                } else if ("duplicate".equals(entry.get("status"))) {
                    assertThat(result).as(c.where()).isEqualTo(new EventResult.Duplicate(id));
                } else {
                    String raw = nonBlank(entry.get("error_message")) != null ? (String) entry.get("error_message")
                            : nonBlank(entry.get("error")) != null ? (String) entry.get("error") : "Unknown error";
                    HostedFailure failure = ((EventResult.Failed) result).failure();
                    assertThat(failure.category()).as(c.where()).isEqualTo(FailureCategory.classifyText(raw));
                    assertThat(failure.message()).as(c.where()).isEqualTo(SafeText.serverMessage(raw, Secret.of(ACCESS)));
                }
            }
        }
        results.forEach(r -> count("batch-results", r instanceof EventResult.Failed f ? f.failure().category().machineName()
                : r.getClass().getSimpleName()));
    }

    @ParameterizedTest(name = "batch 400 details case {0}")
    @MethodSource("cases")
    void batchBadRequestDetails(int index) {
        int[] size = new int[1];
        Map<String, Object>[] sent = new Map[1];
        Case c = generate("batch-400", index, g -> {
            size[0] = g.between(1, 4);
            List<Object> details = new ArrayList<>();
            for (int i = 1; i <= size[0]; i++) {
                if (g.chance(0.7)) {
                    details.add(map("event_id", "evt-" + i, g.oneOf("error", "reason"), g.text(4)));
                }
            }
            Object rendered = g.chance(0.3) ? g.render(details) : details; // a JSON string of the list is accepted too
            return sent[0] = map("error", g.chance(0.7) ? g.text(4) : null, "details", rendered);
        }, Set.of("error", "details"));
        answer("POST", WebClientEventIngress.PATH, 400, c.json());

        List<EventResult> results = new WebClientEventIngress(endpoints, http, retry).send(events(size[0]), "t-private", Secret.of(ACCESS));

        assertBatchSafe(c, results, size[0]);
        for (EventResult result : results) {
            assertThat(((EventResult.Failed) result).failure().httpStatus()).as(c.where()).isEqualTo(400);
        }
        if (c.valid()) {
            Object detailsValue = sent[0].get("details");
            List<?> details = detailsValue instanceof String text
                    ? tools.jackson.databind.json.JsonMapper.builder().build().readValue(text, List.class) : (List<?>) detailsValue;
            String top = nonBlank(sent[0].get("error")) != null ? (String) sent[0].get("error") : "Bad request";
            for (int i = 1; i <= size[0]; i++) {
                String id = "evt-" + i;
                String raw = details.stream().map(e -> (Map<?, ?>) e).filter(e -> id.equals(e.get("event_id")))
                        .map(e -> nonBlank(e.get("error")) != null ? (String) e.get("error")
                                : nonBlank(e.get("reason")) != null ? (String) e.get("reason") : top)
                        .findFirst().orElse(top);
                HostedFailure failure = ((EventResult.Failed) results.get(i - 1)).failure();
                assertThat(failure.category()).as(c.where()).isEqualTo(FailureCategory.classifyText(raw));
                assertThat(failure.message()).as(c.where()).isEqualTo(SafeText.serverMessage(raw, Secret.of(ACCESS)));
            }
        }
        results.forEach(r -> count("batch-400", ((EventResult.Failed) r).failure().category().machineName()));
    }

    private static String nonBlank(Object value) {
        return value instanceof String s && !s.isBlank() ? s : null;
    }

    private static void assertBatchSafe(Case c, List<EventResult> results, int size) {
        assertThat(results).as(c.where()).extracting(EventResult::eventId)
                .containsExactlyElementsOf(events(size).stream().map(QueuedEvent::eventId).toList());
        for (EventResult result : results) {
            assertNoSecrets(c, result.toString());
            if (result instanceof EventResult.Failed failed) {
                assertSafe(c, failed.failure().message(), true);
            }
        }
    }

    // ---- tracker envelope -----------------------------------------------------------------------

    private static final Pattern PLAIN_CODE = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    @ParameterizedTest(name = "tracker envelope case {0}")
    @MethodSource("cases")
    void trackerEnvelopes(int index) {
        int[] status = new int[1];
        Map<String, Object>[] sent = new Map[1];
        Case c = generate("tracker", index, g -> {
            status[0] = g.oneOf(200, 200, 400, 403, 404, 409, 422, 429, 500, 503);
            return sent[0] = status[0] == 200
                    ? map("team_slug", "t-shared", "connected", g.chance(0.5), "items", List.of(map("id", g.word())))
                    : map("error_code", g.oneOf("tracker_not_bound", "rate_limited", g.word(), g.secret(), g.text(2)),
                            "category", g.word(), "message", g.chance(0.8) ? g.text(6) : null, "source", g.text(2),
                            "retryable", g.chance(0.5), "user_action_required", g.chance(0.4) ? g.chance(0.5) : null,
                            "retry_after_seconds", g.between(0, 60), "debug_token", g.secret());
        }, Set.of("error_code", "category", "message", "source", "retryable", "user_action_required", "retry_after_seconds"));
        answer(index % 4 < 2 ? "GET" : "POST", index % 4 < 2 ? "/api/v1/tracker/status" : "/api/v1/tracker/pull", status[0], c.json());
        WebClientTrackerService tracker = new WebClientTrackerService(endpoints, http, wait -> {});

        TrackerResult result = index % 4 < 2 ? tracker.status("t-shared", Secret.of(ACCESS)) : tracker.pull("t-shared", Secret.of(ACCESS));

        assertNoSecrets(c, result.toString());
        assertThat(result).as(c.where()).isNotInstanceOf(TrackerResult.Unreachable.class);
        if (result instanceof TrackerResult.Failed failed) {
            assertSafe(c, failed.message());
            assertThat(failed.status()).as(c.where()).isEqualTo(status[0]);
            if (failed.errorCode() != null) {
                assertThat(failed.errorCode()).as(c.where()).matches(PLAIN_CODE);
            }
            assertThat(failed.details().keySet()).as(c.where()).isSubsetOf("error_code", "category", "message", "source",
                    "retryable", "user_action_required", "retry_after_seconds");
            failed.details().values().forEach(value -> assertSafe(c, String.valueOf(value), false));
        }
        if (c.valid()) {
            if (status[0] == 200) {
                assertThat(result).as(c.where()).isInstanceOfSatisfying(TrackerResult.Ok.class,
                        ok -> assertThat(ok.body().keySet()).containsExactlyElementsOf(c.document().keySet()));
            } else {
                TrackerResult.Failed failed = (TrackerResult.Failed) result;
                String message = sent[0].get("message") instanceof String raw && !raw.isBlank()
                        ? SafeText.serverMessage(raw, Secret.of(ACCESS)) : status[0] == 429 ? "Rate limited by SaaS API." : "HTTP " + status[0];
                boolean action = status[0] != 429 && Boolean.TRUE.equals(sent[0].get("user_action_required"));
                assertThat(failed.message()).as(c.where())
                        .isEqualTo(message + (action ? " (action required — check the Spec Kitty dashboard)" : ""));
                if (status[0] == 429) {
                    assertThat(failed.errorCode()).as(c.where()).isEqualTo("rate_limited");
                }
            }
        }
        count("tracker", result.getClass().getSimpleName());
    }
}

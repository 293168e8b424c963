package dev.speckitty.shell.login;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.speckitty.adapters.hosted.HostedAdapters;
import dev.speckitty.adapters.hosted.HostedEndpoints;
import dev.speckitty.adapters.hosted.HostedHttpSettings;
import dev.speckitty.adapters.hosted.http.RetrySettings;
import dev.speckitty.adapters.hosted.loopback.LoopbackCallbackServer;
import dev.speckitty.adapters.storage.session.EncryptedFileSessionStore;
import dev.speckitty.adapters.storage.session.StorageActivity;
import dev.speckitty.adapters.storage.session.AuthFiles;
import dev.speckitty.adapters.storage.session.hotpath.HotPathFile;
import dev.speckitty.adapters.storage.session.lock.FileRefreshLock;
import dev.speckitty.adapters.storage.session.lock.SessionFileLock;
import dev.speckitty.application.login.Login;
import dev.speckitty.application.login.LoginResult;
import dev.speckitty.application.login.LoginResult.Reason;
import dev.speckitty.application.session.MembershipRehydration;
import dev.speckitty.application.login.RefreshGate;
import dev.speckitty.application.session.RefreshTransaction;
import dev.speckitty.application.session.SessionManager;
import dev.speckitty.domain.auth.CallbackParameters;
import dev.speckitty.domain.port.AuthorizationCallbackListener;
import dev.speckitty.domain.port.Browser;
import dev.speckitty.shell.support.SampleSessions;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 6, part 4 at the application level: a browser login that fails at the callback (or just
 * after it) writes no session file and no hot-path file with the real encrypted store, and a
 * forced login that fails leaves the old session byte for byte. Real pieces throughout: the
 * loopback listener on 127.0.0.1, the WebClient adapters against WireMock, the encrypted file
 * store with its hot path, the file refresh lock. The "browser" follows the authorize URL's
 * redirect the way a provider would, with the query each scenario needs, then asks for
 * {@code /favicon.ico} as browsers do.
 */
class FailedBrowserLoginLeavesNoSessionTest {

    private static final byte[] PASSPHRASE = "failed-login-test-passphrase".getBytes(StandardCharsets.UTF_8);
    private static final String CODE = "code_SENTINEL_x";
    private static final String ACCESS = "at_SENTINEL_login";
    private static final String REFRESH = "rt_SENTINEL_login";
    /** The await the application asks for is 300 s; the timeout scenario cannot wait that long. */
    private static final Duration AWAIT_CAP = Duration.ofMillis(800);

    @TempDir
    Path home;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private WireMockServer hosted;
    private Path auth;
    private EncryptedFileSessionStore store;
    private final List<String> redirects = new ArrayList<>();

    @BeforeEach
    void start() {
        hosted = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        hosted.start();
        hosted.stubFor(post(urlPathEqualTo("/oauth/token")).willReturn(okJson("{\"access_token\":\"" + ACCESS
                + "\",\"refresh_token\":\"" + REFRESH + "\",\"expires_in\":3600,\"session_id\":\"sess-1\"}")));
        hosted.stubFor(get(urlPathEqualTo("/api/v1/me")).willReturn(okJson("{\"user_id\":\"u1\",\"email\":\"a@example.test\","
                + "\"teams\":[{\"id\":\"t-private\",\"name\":\"Mine\",\"role\":\"owner\",\"is_private_teamspace\":true}]}")));
        auth = home.resolve("auth");
        store = new EncryptedFileSessionStore(auth, PASSPHRASE, SessionFileLock.DEFAULT_TIMEOUT, StorageActivity.NONE,
                new HotPathFile(new AuthFiles(auth), Clock.systemUTC()));
    }

    @AfterEach
    void stop() {
        hosted.stop();
    }

    enum Scenario {
        // the listener answers 400 to a callback without this login's state and keeps waiting (issue 14, item 3)
        STATE_MISMATCH(Reason.TIMED_OUT, "Authentication timed out (5 minutes elapsed).", false),
        MISSING_STATE(Reason.TIMED_OUT, "Authentication timed out (5 minutes elapsed).", false),
        MISSING_CODE(Reason.CALLBACK_INVALID, "Missing 'code' in callback parameters", false),
        PROVIDER_DENIED(Reason.DENIED, "OAuth provider returned error: access_denied (User said no [redacted])", false),
        PROVIDER_ERROR_WITH_ESCAPES(Reason.AUTHENTICATION_FAILED, "OAuth provider returned error: server_error (\\x1b[2Jgone)", false),
        TIMEOUT(Reason.TIMED_OUT, "Authentication timed out (5 minutes elapsed). Run spec-kitty auth login again.", false),
        TOKEN_ENDPOINT_HTML_502(Reason.AUTHENTICATION_FAILED, "Token exchange failed: HTTP 502", true),
        ME_ANSWERS_HTML(Reason.AUTHENTICATION_FAILED, "User info response was not JSON.", true);

        final Reason reason;
        final String messagePart;
        /** The code reaches the token endpoint (the callback itself was valid). */
        final boolean exchanged;

        Scenario(Reason reason, String messagePart, boolean exchanged) {
            this.reason = reason;
            this.messagePart = messagePart;
            this.exchanged = exchanged;
        }

        /** What the listener answers the callback: only this login's state completes it. */
        int callbackStatus() {
            return this == STATE_MISMATCH || this == MISSING_STATE ? 400 : 200;
        }

        /** The callback query the provider would send, or null for none at all. */
        String callbackQuery(String state) {
            return switch (this) {
                case STATE_MISMATCH -> "code=" + CODE + "&state=" + "forged_" + state.substring(0, 8);
                case MISSING_STATE -> "code=" + CODE;
                case MISSING_CODE -> "state=" + state;
                case PROVIDER_DENIED -> "error=access_denied&error_description=User+said+no+tok_9f8e7d6c5b4a39281716&state=" + state;
                case PROVIDER_ERROR_WITH_ESCAPES -> "error=server_error&error_description=%1b%5b2Jgone&state=" + state;
                case TIMEOUT -> null;
                case TOKEN_ENDPOINT_HTML_502, ME_ANSWERS_HTML -> "code=" + CODE + "&state=" + state;
            };
        }
    }

    static Stream<Arguments> scenarios() {
        List<Arguments> cases = new ArrayList<>();
        for (Scenario scenario : Scenario.values()) {
            cases.add(Arguments.of(scenario, false));
            cases.add(Arguments.of(scenario, true));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}, existing session: {1}")
    @MethodSource("scenarios")
    void aFailedBrowserLoginWritesNoSessionAndKeepsTheOldOne(Scenario scenario, boolean existingSession) throws Exception {
        if (scenario == Scenario.TOKEN_ENDPOINT_HTML_502) {
            hosted.stubFor(post(urlPathEqualTo("/oauth/token")).willReturn(aResponse().withStatus(502)
                    .withHeader("Content-Type", "text/html").withBody("<html>BODY_MARKER_x " + REFRESH + "</html>")));
        }
        if (scenario == Scenario.ME_ANSWERS_HTML) {
            hosted.stubFor(get(urlPathEqualTo("/api/v1/me")).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "text/html").withBody("<html>BODY_MARKER_x</html>")));
        }
        byte[] before = null;
        if (existingSession) {
            // expired refresh token: login goes ahead without --force, as it would for a stale session
            store.write(SampleSessions.session(java.time.Instant.parse("2020-01-01T00:00:00Z"),
                    java.time.Instant.parse("2020-02-01T00:00:00Z")));
            before = Files.readAllBytes(new AuthFiles(auth).session());
            Files.deleteIfExists(new AuthFiles(auth).hotPath());
        }

        LoginResult result = login(state -> scenario.callbackQuery(state) == null ? List.of()
                : List.of(new Callback(scenario.callbackQuery(state), scenario.callbackStatus())))
                .run(false, false, new SilentLoginProgress());

        assertThat(result).isInstanceOfSatisfying(LoginResult.Failed.class, failed -> {
            assertThat(failed.reason()).isEqualTo(scenario.reason);
            assertThat(failed.message()).contains(scenario.messagePart)
                    .doesNotContain(CODE, ACCESS, REFRESH, "BODY_MARKER", "tok_9f8e7d6c5b4a39281716", "\u001b");
        });
        AuthFiles files = new AuthFiles(auth);
        if (existingSession) {
            assertThat(Files.readAllBytes(files.session())).as("the old session, byte for byte").isEqualTo(before);
        } else {
            assertThat(files.session()).doesNotExist();
        }
        assertThat(files.sessionTemporary()).doesNotExist();
        assertThat(files.hotPathTemporary()).doesNotExist();
        if (!existingSession) {
            assertThat(files.hotPath()).as("no hot-path handoff for a session that does not exist").doesNotExist();
        }
        hosted.verify(scenario.exchanged ? 1 : 0, postRequestedFor(urlPathEqualTo("/oauth/token")));
        assertTheCallbackIsGone();
    }

    @Test
    void theSameHarnessWritesTheSessionAndItsHotPathWhenTheLoginSucceeds() throws Exception {
        LoginResult result = login(state -> List.of(new Callback("code=" + CODE + "&state=" + state, 200)))
                .run(false, false, new SilentLoginProgress());

        assertThat(result).isInstanceOf(LoginResult.LoggedIn.class);
        AuthFiles files = new AuthFiles(auth);
        assertThat(files.session()).exists();
        assertThat(files.hotPath()).exists();
        assertThat(store.read().orElseThrow().accessToken().reveal()).isEqualTo(ACCESS);
        assertThat(Files.readString(files.session())).doesNotContain(ACCESS, REFRESH);
        hosted.verify(1, postRequestedFor(urlPathEqualTo("/oauth/token")));
        assertTheCallbackIsGone();
    }

    /**
     * Any local process can hit the callback: a forged state, a forged provider error without the state, a
     * stale tab of an earlier login. Each gets a 400 and the login goes on to succeed with the real callback.
     */
    @Test
    void forgedAndStaleCallbacksNeitherEndNorChangeTheLogin() throws Exception {
        LoginResult result = login(state -> List.of(
                new Callback("code=code_forged&state=forged", 400),
                new Callback("error=access_denied&error_description=cancelled+by+someone+else", 400),
                new Callback("error=access_denied&state=" + state.substring(1), 400),
                new Callback("code=" + CODE + "&state=" + state, 200)))
                .run(false, false, new SilentLoginProgress());

        assertThat(result).isInstanceOf(LoginResult.LoggedIn.class);
        assertThat(store.read().orElseThrow().accessToken().reveal()).isEqualTo(ACCESS);
        hosted.verify(1, postRequestedFor(urlPathEqualTo("/oauth/token")));
        assertTheCallbackIsGone();
    }

    /** One request the "browser" (or another local process) sends to the callback, and the status expected. */
    private record Callback(String query, int expectedStatus) {}

    /** A browser tab that comes back to the callback after the login ended finds nothing listening. */
    private void assertTheCallbackIsGone() {
        assertThat(redirects).hasSize(1);
        String url = redirects.get(0) + "?code=" + CODE + "&state=late";
        try {
            HttpResponse<Void> late = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding());
            throw new AssertionError("the callback still answered after the login ended: " + late.statusCode());
        } catch (IOException refused) {
            // expected: the listener was closed
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError(interrupted);
        }
    }

    private Login login(Function<String, List<Callback>> callbacksForState) {
        HostedEndpoints endpoints = HostedEndpoints.of("http://127.0.0.1:" + hosted.port());
        HostedAdapters adapters = new HostedAdapters(endpoints,
                HostedHttpSettings.defaults().withCallTimeout(Duration.ofSeconds(10)).withRetry(RetrySettings.fast()));
        FileRefreshLock lock = new FileRefreshLock(auth, Clock.systemUTC(), "test-host", "test");
        SessionManager sessions = new SessionManager(store,
                new RefreshTransaction(store, lock, adapters.authorizationServer(), Clock.systemUTC()),
                new MembershipRehydration(adapters.membershipDirectory()), Clock.systemUTC());
        return new Login(sessions, new RefreshGate(lock), adapters.authorizationServer(), adapters.membershipDirectory(),
                shortAwait(new LoopbackCallbackServer()), browser(callbacksForState), Clock.systemUTC(), duration -> {});
    }

    /** The real listener; only the wait is capped so that the timeout scenario ends in under a second. */
    private static AuthorizationCallbackListener shortAwait(AuthorizationCallbackListener real) {
        return (anyPort, expectedState) -> {
            AuthorizationCallbackListener.Listening listening = real.listen(anyPort, expectedState);
            return new AuthorizationCallbackListener.Listening() {
                @Override
                public String redirectUri() {
                    return listening.redirectUri();
                }

                @Override
                public Optional<CallbackParameters> await(Duration timeout) throws InterruptedException {
                    return listening.await(timeout.compareTo(AWAIT_CAP) < 0 ? timeout : AWAIT_CAP);
                }

                @Override
                public void close() {
                    listening.close();
                }
            };
        };
    }

    /** Plays the provider and the browser: redirects to the authorize URL's redirect_uri with the scenario's query. */
    private Browser browser(Function<String, List<Callback>> callbacksForState) {
        return authorizeUrl -> {
            Map<String, String> query = query(URI.create(authorizeUrl).getRawQuery());
            String redirect = query.get("redirect_uri");
            redirects.add(redirect);
            try {
                for (Callback callback : callbacksForState.apply(query.get("state"))) {
                    HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(redirect + "?" + callback.query()))
                            .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(page.statusCode()).isEqualTo(callback.expectedStatus());
                    assertThat(page.body()).contains(callback.expectedStatus() == 200 ? "Authentication complete"
                            : "Not the login in progress");
                }
                HttpResponse<String> favicon = http.send(HttpRequest.newBuilder(URI.create(redirect.replace("/callback",
                        "/favicon.ico"))).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(favicon.statusCode()).isEqualTo(404);
            } catch (IOException e) {
                throw new AssertionError("the loopback callback did not answer", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            return true;
        };
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            fields.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }
}

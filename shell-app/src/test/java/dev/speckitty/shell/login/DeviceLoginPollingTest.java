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
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.speckitty.adapters.hosted.HostedAdapters;
import dev.speckitty.adapters.hosted.HostedEndpoints;
import dev.speckitty.adapters.hosted.HostedHttpSettings;
import dev.speckitty.adapters.hosted.http.RetrySettings;
import dev.speckitty.adapters.hosted.loopback.LoopbackCallbackServer;
import dev.speckitty.adapters.storage.session.EncryptedFileSessionStore;
import dev.speckitty.adapters.storage.session.lock.FileRefreshLock;
import dev.speckitty.application.login.Login;
import dev.speckitty.application.login.LoginResult;
import dev.speckitty.application.session.MembershipRehydration;
import dev.speckitty.application.login.RefreshGate;
import dev.speckitty.application.session.RefreshTransaction;
import dev.speckitty.application.session.SessionManager;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, item 7: the device flow against a server whose interval (12 s) is above the reference's 10 s cap and
 * that answers {@code slow_down} twice. The real adapters over HTTP (WireMock), the real encrypted store; only
 * the sleeps are recorded instead of slept, against a clock they advance, so the test takes no 70 s.
 */
class DeviceLoginPollingTest {

    private static final String FLOW = "device-flow";

    @TempDir
    Path home;

    private WireMockServer hosted;
    private final List<Duration> sleeps = new ArrayList<>();
    private Instant now = Instant.parse("2026-12-06T10:00:00Z");

    @BeforeEach
    void start() {
        hosted = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        hosted.start();
        hosted.stubFor(post(urlPathEqualTo("/oauth/device")).willReturn(okJson("{\"device_code\":\"dc_SENTINEL_x\","
                + "\"user_code\":\"WDJBMJHT\",\"verification_uri\":\"https://example.test/device\",\"expires_in\":600,"
                + "\"interval\":12}")));
        String[] answers = {"authorization_pending", "slow_down", "slow_down", "authorization_pending"};
        String state = Scenario.STARTED;
        for (int i = 0; i < answers.length; i++) {
            hosted.stubFor(post(urlPathEqualTo("/oauth/token")).inScenario(FLOW).whenScenarioStateIs(state)
                    .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                            .withBody("{\"error\":\"" + answers[i] + "\"}"))
                    .willSetStateTo("poll-" + (i + 1)));
            state = "poll-" + (i + 1);
        }
        hosted.stubFor(post(urlPathEqualTo("/oauth/token")).inScenario(FLOW).whenScenarioStateIs(state)
                .willReturn(okJson("{\"access_token\":\"at_SENTINEL_dev\",\"refresh_token\":\"rt_SENTINEL_dev\","
                        + "\"expires_in\":3600,\"session_id\":\"sess-1\"}")));
        hosted.stubFor(get(urlPathEqualTo("/api/v1/me")).willReturn(okJson("{\"user_id\":\"u1\",\"email\":\"a@example.test\","
                + "\"teams\":[{\"id\":\"t-private\",\"name\":\"Mine\",\"role\":\"owner\",\"is_private_teamspace\":true}]}")));
    }

    @AfterEach
    void stop() {
        hosted.stop();
    }

    @Test
    void pollsAtTheServersTwelveSecondsAndFiveMorePerSlowDownUntilApproved() {
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        Path auth = home.resolve("auth");
        EncryptedFileSessionStore store = EncryptedFileSessionStore.withPassphrase(auth,
                "device-polling-test".getBytes(StandardCharsets.UTF_8));
        HostedAdapters adapters = new HostedAdapters(HostedEndpoints.of("http://127.0.0.1:" + hosted.port()),
                HostedHttpSettings.defaults().withCallTimeout(Duration.ofSeconds(10)).withRetry(RetrySettings.fast()));
        FileRefreshLock lock = new FileRefreshLock(auth, clock, "test-host", "test");
        SessionManager sessions = new SessionManager(store, new RefreshTransaction(store, lock,
                adapters.authorizationServer(), clock), new MembershipRehydration(adapters.membershipDirectory()), clock);
        Login login = new Login(sessions, new RefreshGate(lock), adapters.authorizationServer(), adapters.membershipDirectory(),
                new LoopbackCallbackServer(), url -> false, clock, duration -> {
                    sleeps.add(duration);
                    now = now.plus(duration);
                });

        LoginResult result = login.run(true, false, new SilentLoginProgress());

        assertThat(result).isInstanceOf(LoginResult.LoggedIn.class);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(12), Duration.ofSeconds(12), Duration.ofSeconds(17),
                Duration.ofSeconds(22), Duration.ofSeconds(22));
        hosted.verify(5, postRequestedFor(urlPathEqualTo("/oauth/token")));
        assertThat(store.read().orElseThrow().authMethod()).isEqualTo("device_code");
    }
}

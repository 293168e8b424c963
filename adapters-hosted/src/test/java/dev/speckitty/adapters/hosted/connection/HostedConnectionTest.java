package dev.speckitty.adapters.hosted.connection;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.adapters.hosted.HostedAdapters;
import dev.speckitty.adapters.hosted.HostedWireMockTest;
import dev.speckitty.adapters.hosted.ingress.WebClientEventIngress;
import dev.speckitty.domain.auth.RefreshResult;
import dev.speckitty.domain.hosted.HostedAddress;
import dev.speckitty.domain.hosted.HostedUnavailableException;
import dev.speckitty.domain.port.HostedHealth;
import dev.speckitty.domain.sync.EventResult;
import dev.speckitty.domain.sync.QueuedEvent;
import dev.speckitty.domain.tracker.TrackerResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The six hosted port beans over one {@link HostedConnection}: built without asking for the
 * address or starting a client, connected to the configured URL on the first call, and without a
 * usable URL failing with the address value and no request.
 */
class HostedConnectionTest extends HostedWireMockTest {

    private static final List<QueuedEvent> ONE = List.of(new QueuedEvent("evt-1", "{\"event_id\":\"evt-1\"}"));
    private static final HostedAddress.Unusable NOT_CONFIGURED = new HostedAddress.Unusable(
            HostedAddress.Reason.NOT_CONFIGURED, "No hosted server is configured.", List.of());

    private final AtomicInteger addressLookups = new AtomicInteger();

    private HostedConnection connection(HostedAddress address) {
        Supplier<HostedAddress> counted = () -> {
            addressLookups.incrementAndGet();
            return address;
        };
        return new HostedConnection(counted, "");
    }

    private record Ports(LazyAuthorizationServer oauth, LazyMembershipDirectory membership,
            LazySessionStatusProbe status, LazyEventIngress ingress, LazyTrackerService tracker, LazyHostedHealth health) {

        static Ports over(HostedConnection connection) {
            return new Ports(new LazyAuthorizationServer(connection), new LazyMembershipDirectory(connection),
                    new LazySessionStatusProbe(connection), new LazyEventIngress(connection),
                    new LazyTrackerService(connection), new LazyHostedHealth(connection));
        }
    }

    @Test
    void buildingThePortsAsksForNoAddressAndStartsNoClient() {
        HostedConnection connection = connection(new HostedAddress.Configured(baseUrl()));
        Ports.over(connection);

        assertThat(addressLookups).hasValue(0);
        assertThat(connection.connected()).isFalse();
        server.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void eachPortReachesTheConfiguredUrlOverOneSharedConnection() {
        server.stubFor(get(urlEqualTo("/api/v1/me")).willReturn(okJson(
                "{\"user_id\":\"u-1\",\"email\":\"ada@example.test\",\"teams\":[]}")));
        server.stubFor(post(urlEqualTo(WebClientEventIngress.PATH)).willReturn(okJson(
                "{\"results\":[{\"event_id\":\"evt-1\",\"status\":\"success\"}]}")));
        server.stubFor(get(urlPathEqualTo("/api/v1/tracker/status")).willReturn(okJson("{\"linked\":true}")));
        server.stubFor(post(urlEqualTo("/oauth/token")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"invalid_grant\"}")));
        HostedConnection connection = connection(new HostedAddress.Configured(baseUrl()));
        Ports ports = Ports.over(connection);

        assertThat(seen(ports.membership().fetch(secret(ACCESS))).email()).isEqualTo("ada@example.test");
        HostedAdapters first = connection.adapters();
        assertThat(seen(ports.ingress().send(ONE, "t-private", secret(ACCESS))))
                .containsExactly(new EventResult.Synced("evt-1"));
        assertThat(seen(ports.tracker().status("t-shared", secret(ACCESS)))).isInstanceOf(TrackerResult.Ok.class);
        ports.oauth().resolveEndpoints();
        assertThat(seen(ports.oauth().refresh(secret(REFRESH)))).isInstanceOf(RefreshResult.Rejected.class);

        assertThat(connection.adapters()).isSameAs(first);
        server.verify(getRequestedFor(urlEqualTo("/api/v1/me")));
        server.verify(postRequestedFor(urlEqualTo(WebClientEventIngress.PATH)));
        server.verify(getRequestedFor(urlPathEqualTo("/api/v1/tracker/status")));
        server.verify(postRequestedFor(urlEqualTo("/oauth/token")));
        server.verify(1, getRequestedFor(urlEqualTo("/.well-known/oauth-authorization-server")));
    }

    @Test
    void aHealthCheckBuildsNoSharedClient() {
        server.stubFor(get("/api/v1/sync/health/").willReturn(aResponse().withStatus(200)));
        HostedConnection connection = connection(new HostedAddress.Configured(baseUrl()));

        assertThat(new LazyHostedHealth(connection).check(Duration.ofSeconds(5))).isEqualTo(HostedHealth.Check.answered());
        assertThat(connection.connected()).isFalse();
    }

    @Test
    void withoutAUsableUrlEveryPortFailsWithTheAddressValueAndSendsNothing() {
        HostedConnection connection = connection(NOT_CONFIGURED);
        Ports ports = Ports.over(connection);

        List<ThrowingCall> calls = List.of(
                () -> ports.oauth().refresh(secret(REFRESH)),
                () -> ports.oauth().revoke(secret(REFRESH)),
                () -> ports.oauth().requestDeviceAuthorization(),
                () -> ports.oauth().discovered(),
                () -> ports.oauth().resolveEndpoints(),
                () -> ports.membership().fetch(secret(ACCESS)),
                () -> ports.status().check(secret(ACCESS)),
                () -> ports.ingress().send(ONE, "t-private", secret(ACCESS)),
                () -> ports.tracker().status("t-shared", secret(ACCESS)),
                () -> ports.tracker().pull("t-shared", secret(ACCESS)),
                () -> ports.health().check(Duration.ofSeconds(2)));
        for (ThrowingCall call : calls) {
            HostedUnavailableException failure = thrown(HostedUnavailableException.class, call);
            assertThat(failure.address()).isSameAs(NOT_CONFIGURED);
            assertThat(failure).hasMessage("No hosted server is configured.");
        }

        assertThat(addressLookups).hasValue(calls.size());
        assertThat(connection.connected()).isFalse();
        server.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aRefusedUrlIsReportedTheSameWay() {
        HostedAddress.Unusable refused = new HostedAddress.Unusable(HostedAddress.Reason.REFUSED,
                "The hosted server URL must not carry a user name or password.", List.of("Check the setting."));
        HostedUnavailableException failure = thrown(HostedUnavailableException.class,
                () -> new LazyEventIngress(connection(refused)).send(ONE, "t-private", secret(ACCESS)));

        assertThat(failure.address().hints()).containsExactly("Check the setting.");
        server.verify(0, anyRequestedFor(anyUrl()));
    }
}

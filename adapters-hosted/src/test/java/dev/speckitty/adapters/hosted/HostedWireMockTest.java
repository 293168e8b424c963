package dev.speckitty.adapters.hosted;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.speckitty.adapters.hosted.http.HostedHttpClient;
import dev.speckitty.adapters.hosted.http.IdempotentRetry;
import dev.speckitty.adapters.hosted.http.RetrySettings;
import dev.speckitty.adapters.hosted.membership.WebClientMembershipDirectory;
import dev.speckitty.adapters.hosted.oauth.OAuthMetadataDiscovery;
import dev.speckitty.adapters.hosted.oauth.WebClientAuthorizationServer;
import dev.speckitty.adapters.hosted.status.WebClientSessionStatusProbe;
import dev.speckitty.domain.session.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A WireMock server on 127.0.0.1 (dynamic port) and the adapters pointed at it, with a short call
 * timeout and millisecond backoff. Every text a test produces can be checked for leaked sentinels.
 */
public abstract class HostedWireMockTest {

    public static final String ACCESS = "at_SENTINEL_x";
    public static final String REFRESH = "rt_SENTINEL_x";
    public static final String DEVICE_CODE = "dc_SENTINEL_x";
    public static final String AUTH_CODE = "code_SENTINEL_x";
    public static final String VERIFIER = "ver_SENTINEL_x";
    public static final String STATE = "state_SENTINEL_x";
    public static final String BODY_MARKER = "BODY_MARKER_x";
    public static final List<String> SENTINELS =
            List.of(ACCESS, REFRESH, DEVICE_CODE, AUTH_CODE, VERIFIER, STATE, BODY_MARKER, "SENTINEL");

    protected static final Duration CALL_TIMEOUT = Duration.ofMillis(1000);
    /** A stubbed answer this slow always exceeds {@link #CALL_TIMEOUT}. */
    protected static final int SLOW_MILLIS = 2500;
    private static volatile boolean warmedUp;

    protected WireMockServer server;
    protected HostedEndpoints endpoints;
    protected HostedHttpClient http;
    protected IdempotentRetry retry;
    protected OAuthMetadataDiscovery discovery;
    protected WebClientAuthorizationServer oauth;
    protected WebClientMembershipDirectory membership;
    protected WebClientSessionStatusProbe sessionStatus;
    private final List<String> producedTexts = new ArrayList<>();

    @BeforeEach
    void startServer() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        endpoints = HostedEndpoints.of(baseUrl() + "/");
        HostedHttpSettings settings = HostedHttpSettings.defaults()
                .withCallTimeout(CALL_TIMEOUT)
                .withRetry(RetrySettings.fast());
        http = HostedHttpClient.create(settings);
        retry = new IdempotentRetry(settings.retry());
        discovery = new OAuthMetadataDiscovery(endpoints, http, retry);
        oauth = new WebClientAuthorizationServer(endpoints, discovery, http);
        membership = new WebClientMembershipDirectory(endpoints, discovery, http, retry);
        sessionStatus = new WebClientSessionStatusProbe(endpoints, http, retry);
        warmUp();
    }

    /** The first WebClient call in a JVM pays Netty start-up; keep that out of the timed tests. */
    private void warmUp() {
        if (!warmedUp) {
            // generous timeout: on a loaded machine the JVM's first Netty call can take seconds
            HostedHttpClient.create(HostedHttpSettings.defaults().withCallTimeout(Duration.ofSeconds(30)))
                    .get(URI.create(baseUrl() + "/__warm-up"), null);
            server.resetRequests();
            warmedUp = true;
        }
    }

    @AfterEach
    void stopServerAndCheckLeaks() {
        server.stop();
        for (String text : producedTexts) {
            for (String sentinel : SENTINELS) {
                assertThat(text).as("produced text must not leak %s", sentinel).doesNotContain(sentinel);
            }
        }
    }

    protected String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    protected static Secret secret(String value) {
        return Secret.of(value);
    }

    /** Records a result's toString (and a throwable's message and toString) for the after-test leak check. */
    protected <T> T seen(T produced) {
        if (produced instanceof Throwable t) {
            producedTexts.add(String.valueOf(t.getMessage()));
            producedTexts.add(t.toString());
        } else {
            producedTexts.add(String.valueOf(produced));
        }
        return produced;
    }

    /** Runs {@code call} expecting an exception, which is recorded for the leak check and returned. */
    protected <X extends Throwable> X thrown(Class<X> type, ThrowingCall call) {
        try {
            call.run();
        } catch (Throwable t) {
            assertThat(t).isInstanceOf(type);
            return type.cast(seen(t));
        }
        throw new AssertionError("expected " + type.getSimpleName());
    }

    @FunctionalInterface
    protected interface ThrowingCall {
        void run() throws Throwable;
    }
}

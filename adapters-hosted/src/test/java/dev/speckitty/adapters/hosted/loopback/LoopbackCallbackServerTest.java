package dev.speckitty.adapters.hosted.loopback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.domain.auth.CallbackParameters;
import dev.speckitty.domain.port.AuthorizationCallbackListener.Listening;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoopbackCallbackServerTest {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String base(Listening listening) {
        return listening.redirectUri().replace("/callback", "");
    }

    @Test
    void deliversTheFirstCallbackAndIgnoresLaterOnes() throws Exception {
        try (Listening listening = new LoopbackCallbackServer().listen(true)) {
            assertThat(listening.redirectUri()).matches("http://127\\.0\\.0\\.1:\\d+/callback");

            HttpResponse<String> first = get(listening.redirectUri() + "?code=c1&state=s1&state=s2&extra=");
            HttpResponse<String> replay = get(listening.redirectUri() + "?code=c2&state=s9");

            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(first.body()).contains("Authentication complete");
            assertThat(replay.statusCode()).isEqualTo(200);
            CallbackParameters params = listening.await(Duration.ofSeconds(1)).orElseThrow();
            assertThat(params.code().reveal()).isEqualTo("c1");
            assertThat(params.state().reveal()).isEqualTo("s1");
            assertThat(params.error()).isNull();
        }
    }

    @Test
    void reportsProviderErrorsAndDecodesThem() throws Exception {
        try (Listening listening = new LoopbackCallbackServer().listen(true)) {
            get(listening.redirectUri() + "?error=access_denied&error_description=User+said+no&state=s1");

            CallbackParameters params = listening.await(Duration.ofSeconds(1)).orElseThrow();
            assertThat(params.error()).isEqualTo("access_denied");
            assertThat(params.errorDescription()).isEqualTo("User said no");
            assertThat(params.code()).isNull();
        }
    }

    @Test
    void otherPathsAre404AndDoNotCompleteTheLogin() throws Exception {
        try (Listening listening = new LoopbackCallbackServer().listen(true)) {
            assertThat(get(base(listening) + "/favicon.ico").statusCode()).isEqualTo(404);
            assertThat(listening.await(Duration.ofMillis(200))).isEmpty();
        }
    }

    @Test
    void bindsTheLoopbackInterfaceOnly() throws Exception {
        try (Listening listening = new LoopbackCallbackServer().listen(true)) {
            int port = URI.create(listening.redirectUri()).getPort();
            // The wildcard address would include 127.0.0.1; a loopback-only bind leaves the port free elsewhere.
            InetAddress nonLoopback = java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())
                    .stream().flatMap(i -> java.util.Collections.list(i.getInetAddresses()).stream())
                    .filter(a -> !a.isLoopbackAddress() && a instanceof java.net.Inet4Address)
                    .findFirst().orElse(null);
            if (nonLoopback != null) {
                try (ServerSocket other = new ServerSocket(port, 1, nonLoopback)) {
                    assertThat(other.isBound()).isTrue();
                }
            }
        }
    }

    @Test
    void usesTheRegisteredRangeAndFallsBackToAnEphemeralPortWhenItIsExhausted() throws Exception {
        List<ServerSocket> occupied = new ArrayList<>();
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int first = probe.getLocalPort();
            probe.close();
            try {
                occupied.add(new ServerSocket(first, 1, InetAddress.getLoopbackAddress()));
                try (Listening listening = new LoopbackCallbackServer(first, first).listen(false)) {
                    int port = URI.create(listening.redirectUri()).getPort();
                    assertThat(port).isNotEqualTo(first).isPositive();
                }
            } finally {
                for (ServerSocket socket : occupied) {
                    socket.close();
                }
            }
            try (Listening listening = new LoopbackCallbackServer(first, first).listen(false)) {
                assertThat(URI.create(listening.redirectUri()).getPort()).isEqualTo(first);
            }
        }
    }

    @Test
    void timesOutWhenNothingArrives() throws Exception {
        try (Listening listening = new LoopbackCallbackServer().listen(true)) {
            assertThat(listening.await(Duration.ofMillis(100))).isEmpty();
        }
    }
}

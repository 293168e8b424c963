package dev.speckitty.adapters.hosted.loopback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.speckitty.domain.auth.CallbackParameters;
import dev.speckitty.domain.port.AuthorizationCallbackListener.Listening;
import dev.speckitty.domain.session.Secret;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoopbackCallbackServerTest {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Every test's login expects the state {@value #STATE}. */
    private static final String STATE = "s1";

    private static Listening listen(LoopbackCallbackServer server, boolean anyPort) {
        return server.listen(anyPort, Secret.of(STATE));
    }

    private static String base(Listening listening) {
        return listening.redirectUri().replace("/callback", "");
    }

    @Test
    void deliversTheFirstCallbackAndIgnoresLaterOnes() throws Exception {
        try (Listening listening = listen(new LoopbackCallbackServer(), true)) {
            assertThat(listening.redirectUri()).matches("http://127\\.0\\.0\\.1:\\d+/callback");

            HttpResponse<String> first = get(listening.redirectUri() + "?code=c1&state=s1&state=s2&extra=");
            HttpResponse<String> replay = get(listening.redirectUri() + "?code=c2&state=s1");
            HttpResponse<String> foreign = get(listening.redirectUri() + "?code=c3&state=s9");

            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(first.body()).contains("Authentication complete");
            assertThat(replay.statusCode()).isEqualTo(200);
            assertThat(foreign.statusCode()).isEqualTo(400);
            CallbackParameters params = listening.await(Duration.ofSeconds(1)).orElseThrow();
            assertThat(params.code().reveal()).isEqualTo("c1");
            assertThat(params.state().reveal()).isEqualTo("s1");
            assertThat(params.error()).isNull();
        }
    }

    @Test
    void reportsProviderErrorsAndDecodesThem() throws Exception {
        try (Listening listening = listen(new LoopbackCallbackServer(), true)) {
            get(listening.redirectUri() + "?error=access_denied&error_description=User+said+no&state=s1");

            CallbackParameters params = listening.await(Duration.ofSeconds(1)).orElseThrow();
            assertThat(params.error()).isEqualTo("access_denied");
            assertThat(params.errorDescription()).isEqualTo("User said no");
            assertThat(params.code()).isNull();
        }
    }

    @Test
    void otherPathsAre404AndDoNotCompleteTheLogin() throws Exception {
        try (Listening listening = listen(new LoopbackCallbackServer(), true)) {
            assertThat(get(base(listening) + "/favicon.ico").statusCode()).isEqualTo(404);
            assertThat(listening.await(Duration.ofMillis(200))).isEmpty();
        }
    }

    @ParameterizedTest(name = "anyPort={0}")
    @ValueSource(booleans = {true, false})
    void bindsTheLoopbackAddressOnlyNeitherTheIpv4NorTheIpv6Wildcard(boolean anyPort) throws Exception {
        // 127.0.0.2 is loopback too, and a wildcard (0.0.0.0 or ::) listener answers there and on ::1;
        // one bound to 127.0.0.1 refuses both. The controls prove each address works on this machine.
        InetAddress otherV4 = InetAddress.getByAddress(new byte[] {127, 0, 0, 2});
        InetAddress v6 = InetAddress.getByName("::1");
        boolean otherV4Usable = acceptsOn(otherV4);
        boolean v6Usable = acceptsOn(v6);
        try (Listening listening = listen(new LoopbackCallbackServer(), anyPort)) {
            URI redirect = URI.create(listening.redirectUri());
            assertThat(redirect.getHost()).isEqualTo("127.0.0.1");
            assertThat(connects(InetAddress.getLoopbackAddress(), redirect.getPort())).as("127.0.0.1").isTrue();
            assertThat(otherV4Usable || v6Usable).as("at least one control address works here").isTrue();
            if (otherV4Usable) {
                assertThat(connects(otherV4, redirect.getPort())).as("127.0.0.2 (a 0.0.0.0 bind would answer)").isFalse();
            }
            if (v6Usable) {
                assertThat(connects(v6, redirect.getPort())).as("::1 (a :: bind would answer)").isFalse();
            }
        }
    }

    /** One request written by hand; the status line of the answer. */
    private static String rawGet(int port, String target) throws IOException {
        return rawAnswer(port, target).lines().findFirst().orElse("");
    }

    /** One request written by hand; the whole answer. */
    private static String rawAnswer(int port, String target) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Whether a listener bound to exactly {@code address} can be reached there (the control). */
    private static boolean acceptsOn(InetAddress address) {
        try (ServerSocket control = new ServerSocket(0, 1, address)) {
            return connects(address, control.getLocalPort());
        } catch (IOException unavailable) {
            return false;
        }
    }

    private static boolean connects(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    @Test
    void theRegisteredRangeExhaustedFallsBackToAnEphemeralLoopbackPortThatStillWorks() throws Exception {
        List<ServerSocket> occupied = new ArrayList<>();
        try {
            for (int port = LoopbackCallbackServer.FIRST_PORT; port <= LoopbackCallbackServer.LAST_PORT; port++) {
                try {
                    ServerSocket socket = new ServerSocket();
                    // As the listener binds (the JDK's default on Linux): a port an earlier test left in
                    // TIME_WAIT is free to it, so without this the test would skip the port and the
                    // listener would take it. Two listening sockets never share a port either way.
                    socket.setReuseAddress(true);
                    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
                    occupied.add(socket);
                } catch (IOException inUseAlready) {
                    // someone else holds it: the range is just as exhausted
                }
            }
            try (Listening listening = listen(new LoopbackCallbackServer(), false)) {
                URI redirect = URI.create(listening.redirectUri());
                assertThat(redirect.getHost()).isEqualTo("127.0.0.1");
                assertThat(redirect.getPort()).isPositive()
                        .matches(port -> port < LoopbackCallbackServer.FIRST_PORT || port > LoopbackCallbackServer.LAST_PORT,
                                "outside the registered range");
                assertThat(get(listening.redirectUri() + "?code=c1&state=s1").statusCode()).isEqualTo(200);
                assertThat(listening.await(Duration.ofSeconds(2)).orElseThrow().code().reveal()).isEqualTo("c1");
            }
        } finally {
            for (ServerSocket socket : occupied) {
                socket.close();
            }
        }
        System.out.println("loopback: registered range 28888-28898 exhausted, " + occupied.size()
                + " ports held by the test, fallback to an ephemeral port");
    }

    @ParameterizedTest(name = "?{0}")
    @ValueSource(strings = {"state=s1", "code=+&state=s1", "state=s1&code", "code=c1&state=s1&state=s2"})
    void anIncompleteCallbackWithTheStateIsDeliveredAsItArrivedForTheLoginToReject(String query) throws Exception {
        try (Listening listening = listen(new LoopbackCallbackServer(), true)) {
            // sent raw: java.net.URI refuses a malformed escape, a hostile page need not
            assertThat(rawGet(URI.create(listening.redirectUri()).getPort(), "/callback?" + query)).startsWith("HTTP/1.1 200");

            CallbackParameters params = listening.await(Duration.ofSeconds(2)).orElseThrow();
            assertThat(params.code() == null ? null : params.code().reveal()).isEqualTo(query.startsWith("code=c1") ? "c1" : null);
            assertThat(params.state().reveal()).isEqualTo("s1");
            assertThat(params.error()).isNull();
        }
    }

    @ParameterizedTest(name = "?{0}")
    @ValueSource(strings = {"code=c1", "code=&state=", "", "CODE=c1&STATE=s1", "code=c1&state=s2&state=s1",
            "code=c1&state=S1", "code=c1&state=s1x", "error=access_denied&state=forged",
            "error=access_denied&error_description=cancelled"})
    void aCallbackWithoutThisLoginsStateIsA400AndIgnoredSoTheLoginGoesOn(String query) throws Exception {
        try (Listening listening = listen(new LoopbackCallbackServer(), true)) {
            int port = URI.create(listening.redirectUri()).getPort();
            String answer = rawAnswer(port, "/callback" + (query.isEmpty() ? "" : "?" + query));
            assertThat(answer).startsWith("HTTP/1.1 400").contains("Not the login in progress").doesNotContain("s1");
            assertThat(listening.await(Duration.ofMillis(100))).as("the forged callback ended nothing").isEmpty();

            assertThat(rawGet(port, "/callback?code=c_real&state=s1")).startsWith("HTTP/1.1 200");
            assertThat(listening.await(Duration.ofSeconds(2)).orElseThrow().code().reveal()).isEqualTo("c_real");
        }
    }

    @Test
    void aMalformedRequestTargetIsABadRequestAndCompletesNothing() throws Exception {
        try (Listening listening = listen(new LoopbackCallbackServer(), true)) {
            int port = URI.create(listening.redirectUri()).getPort();
            assertThat(rawGet(port, "/callback?code=%zz&state=s1")).startsWith("HTTP/1.1 400");
            assertThat(listening.await(Duration.ofMillis(200))).isEmpty();
        }
    }

    @Test
    void providerErrorTextIsMadeDisplayableBeforeAnyoneShowsIt() throws Exception {
        // Any page can send the browser here, and an error is reported before the state is checked.
        try (Listening listening = listen(new LoopbackCallbackServer(), true)) {
            get(listening.redirectUri() + "?error=access_denied%1b%5b2J&error_description=%1b%5b31mred%0a"
                    + "+tok_9f8e7d6c5b4a39281716+done%E2%80%AE&state=s1");
            CallbackParameters params = listening.await(Duration.ofSeconds(2)).orElseThrow();
            // the one sanitiser (UntrustedText) shows controls escaped instead of dropping them
            assertThat(params.error()).isEqualTo("access_denied\\x1b[2J");
            assertThat(params.errorDescription()).isEqualTo("\\x1b[31mred  [redacted] done\\u202e");
        }
        try (Listening listening = listen(new LoopbackCallbackServer(), true)) {
            get(listening.redirectUri() + "?error=%07%1b&error_description=%e2%80%8b&state=s1");
            CallbackParameters params = listening.await(Duration.ofSeconds(2)).orElseThrow();
            assertThat(params.error()).isEqualTo("\\x07\\x1b");
            assertThat(params.errorDescription()).isEqualTo("\\u200b");
        }
    }

    @Test
    void extraRequestsNeitherCompleteNorChangeTheLogin() throws Exception {
        try (Listening listening = listen(new LoopbackCallbackServer(), true)) {
            String base = base(listening);
            assertThat(get(base + "/favicon.ico").statusCode()).isEqualTo(404);
            assertThat(get(base + "/").statusCode()).isEqualTo(404);
            assertThat(get(base + "/callback/extra?code=x1&state=s1").statusCode()).isEqualTo(404);
            assertThat(get(base + "/other?code=x2&state=s1").statusCode()).isEqualTo(404);
            assertThat(send(HttpRequest.newBuilder(URI.create(listening.redirectUri() + "?code=x3&state=s1"))
                    .POST(HttpRequest.BodyPublishers.ofString("code=x4&state=s1")).build()).statusCode()).isEqualTo(404);
            assertThat(listening.await(Duration.ofMillis(200))).as("nothing completed the login yet").isEmpty();

            assertThat(get(listening.redirectUri() + "?code=c1&state=s1").statusCode()).isEqualTo(200);
            // the same code again (a reload), then another one (a second tab): both answered, both ignored
            HttpResponse<String> replay = get(listening.redirectUri() + "?code=c1&state=s1");
            HttpResponse<String> second = get(listening.redirectUri() + "?code=c2&state=s1");
            assertThat(get(base + "/favicon.ico").statusCode()).isEqualTo(404);

            assertThat(replay.statusCode()).isEqualTo(200);
            assertThat(second.body()).contains("Authentication complete");
            CallbackParameters params = listening.await(Duration.ofSeconds(1)).orElseThrow();
            assertThat(params.code().reveal()).isEqualTo("c1");
            assertThat(params.state().reveal()).isEqualTo("s1");
            assertThat(listening.await(Duration.ofMillis(50)).orElseThrow()).isSameAs(params);
        }
    }

    @Test
    void aTabHittingTheCallbackAfterTheLoginEndedIsRefusedNotLeftHanging() throws Exception {
        String redirect;
        try (Listening listening = listen(new LoopbackCallbackServer(), true)) {
            redirect = listening.redirectUri();
            get(redirect + "?code=c1&state=s1");
            assertThat(listening.await(Duration.ofSeconds(1))).isPresent();
        }
        URI uri = URI.create(redirect);
        assertThat(connects(InetAddress.getLoopbackAddress(), uri.getPort())).as("listener closed").isFalse();
        assertThatThrownBy(() -> get(redirect + "?code=c1&state=s1")).isInstanceOf(IOException.class);
    }

    @Test
    void usesTheRegisteredRangeAndFallsBackToAnEphemeralPortWhenItIsExhausted() throws Exception {
        List<ServerSocket> occupied = new ArrayList<>();
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int first = probe.getLocalPort();
            probe.close();
            try {
                occupied.add(new ServerSocket(first, 1, InetAddress.getLoopbackAddress()));
                try (Listening listening = listen(new LoopbackCallbackServer(first, first), false)) {
                    int port = URI.create(listening.redirectUri()).getPort();
                    assertThat(port).isNotEqualTo(first).isPositive();
                }
            } finally {
                for (ServerSocket socket : occupied) {
                    socket.close();
                }
            }
            try (Listening listening = listen(new LoopbackCallbackServer(first, first), false)) {
                assertThat(URI.create(listening.redirectUri()).getPort()).isEqualTo(first);
            }
        }
    }

    @Test
    void timesOutWhenNothingArrives() throws Exception {
        try (Listening listening = listen(new LoopbackCallbackServer(), true)) {
            assertThat(listening.await(Duration.ofMillis(100))).isEmpty();
        }
    }

    @Test
    void aSlowHalfOpenConnectionBlocksNeitherTheBrowserNorTheListenerAndIsCutAtItsDeadline() throws Exception {
        LoopbackCallbackServer server = new LoopbackCallbackServer(LoopbackCallbackServer.FIRST_PORT,
                LoopbackCallbackServer.LAST_PORT,
                new LoopbackCallbackServer.ConnectionLimits(Duration.ofMillis(400), Duration.ofMillis(1200)),
                PeerOwner.ofThisMachine());
        try (Listening listening = listen(server, true);
                Socket silent = new Socket(InetAddress.getLoopbackAddress(), URI.create(listening.redirectUri()).getPort());
                Socket dripping = new Socket(InetAddress.getLoopbackAddress(), URI.create(listening.redirectUri()).getPort())) {
            silent.getOutputStream().write("GET /callback?code=slow".getBytes(StandardCharsets.US_ASCII));
            Thread dripper = Thread.ofVirtual().start(() -> drip(dripping)); // one byte every 300 ms, within each read

            long started = System.nanoTime();
            assertThat(get(listening.redirectUri() + "?code=c1&state=s1").statusCode()).isEqualTo(200);
            assertThat(listening.await(Duration.ofSeconds(2)).orElseThrow().code().reveal()).isEqualTo("c1");
            long answeredMillis = (System.nanoTime() - started) / 1_000_000;

            silent.setSoTimeout(5_000);
            dripping.setSoTimeout(5_000);
            assertThat(silent.getInputStream().read()).as("the silent connection is closed by its read timeout").isEqualTo(-1);
            assertThat(new String(dripping.getInputStream().readAllBytes(), StandardCharsets.US_ASCII))
                    .as("the dripping one is cut at the request deadline").startsWith("HTTP/1.1 400");
            dripper.interrupt();
            System.out.println("loopback: good callback answered in " + answeredMillis + " ms beside 2 stalled connections");
        }
    }

    private static void drip(Socket socket) {
        try {
            for (byte b : "GET /callback?code=drip&state=s1&padding=xxxxxxxxxxxxxxxxxxxx".getBytes(StandardCharsets.US_ASCII)) {
                socket.getOutputStream().write(b);
                Thread.sleep(300);
            }
        } catch (IOException | InterruptedException stopped) {
            // the listener cut the connection, as it should
        }
    }

    @Test
    void findsTheOwnerOfItsOwnPeerSocketInTheKernelTables() throws Exception {
        PeerOwner peers = PeerOwner.ofThisMachine();
        assumeTrue(peers.supported(), "Linux /proc/net/tcp");
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Socket client = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
                Socket accepted = listener.accept()) {
            long ownUid = PeerOwner.effectiveUid(Path.of("/proc/self/status")).orElseThrow();
            assertThat(peers.uidOf(accepted.getInetAddress(), accepted.getPort(), listener.getLocalPort()))
                    .hasValue(ownUid);
            assertThat(peers.isOurs(accepted.getInetAddress(), accepted.getPort(), listener.getLocalPort())).isTrue();
            assertThat(peers.isOurs(accepted.getInetAddress(), accepted.getPort() ^ 1, listener.getLocalPort()))
                    .as("no such peer: fail closed").isFalse();
        }
    }

    /**
     * Another user of the machine who read the authorize URL (state included) from the browser's command line
     * connects with curl as {@code nobody}: refused with 403 and ignored; the same request from our own user
     * completes the login.
     */
    @Test
    void aConnectionFromAnotherUsersSocketIsRefusedEvenWithTheRightState() throws Exception {
        assumeTrue(PeerOwner.ofThisMachine().supported(), "Linux /proc/net/tcp");
        assumeTrue(PeerOwner.effectiveUid(Path.of("/proc/self/status")).orElseThrow() == 0, "root, to run curl as nobody");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")) && Files.isExecutable(Path.of("/usr/bin/curl")));
        try (Listening listening = listen(new LoopbackCallbackServer(), true)) {
            String url = listening.redirectUri() + "?code=c_attacker&state=s1";

            CurlAnswer asNobody = curl("/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                    "/usr/bin/curl", "-s", "-w", "\\n%{http_code}", url);
            assertThat(asNobody.status()).as(asNobody.output()).isEqualTo("403");
            assertThat(asNobody.output()).contains("another user");
            assertThat(listening.await(Duration.ofMillis(200))).as("nothing delivered").isEmpty();

            CurlAnswer asUs = curl("/usr/bin/curl", "-s", "-w", "\\n%{http_code}", listening.redirectUri() + "?code=c_ours&state=s1");
            assertThat(asUs.status()).as(asUs.output()).isEqualTo("200");
            assertThat(listening.await(Duration.ofSeconds(2)).orElseThrow().code().reveal()).isEqualTo("c_ours");
        }
    }

    private record CurlAnswer(String output, String status) {}

    private static CurlAnswer curl(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        return new CurlAnswer(output, output.substring(output.lastIndexOf('\n') + 1).strip());
    }
}

package dev.speckitty.adapters.hosted.loopback;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.speckitty.adapters.hosted.http.SafeText;
import dev.speckitty.domain.auth.AuthFlowException;
import dev.speckitty.domain.auth.CallbackParameters;
import dev.speckitty.domain.port.AuthorizationCallbackListener;
import dev.speckitty.domain.session.Secret;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The loopback redirect target of a browser login, on the JDK's built-in HTTP server: bound to
 * 127.0.0.1 only, one path, no access log (the query carries the authorization code and state).
 */
public final class LoopbackCallbackServer implements AuthorizationCallbackListener {

    /** The registered redirect ports (hosted-contract §2.2). */
    public static final int FIRST_PORT = 28888;
    public static final int LAST_PORT = 28898;

    private static final byte[] DONE_PAGE = ("<html><body><h1>Authentication complete</h1>"
            + "<p>You can close this tab and return to your terminal.</p></body></html>")
            .getBytes(StandardCharsets.UTF_8);
    /** Stands for a provider error or description that had nothing printable in it. */
    static final String UNREADABLE = "(unreadable)";
    private static final byte[] NOT_FOUND_PAGE =
            "<html><body><h1>404 Not Found</h1></body></html>".getBytes(StandardCharsets.UTF_8);

    private final int firstPort;
    private final int lastPort;

    public LoopbackCallbackServer() {
        this(FIRST_PORT, LAST_PORT);
    }

    /** A custom port range, for tests that exhaust it. */
    public LoopbackCallbackServer(int firstPort, int lastPort) {
        this.firstPort = firstPort;
        this.lastPort = lastPort;
    }

    @Override
    public Listening listen(boolean anyPort) {
        HttpServer server = anyPort ? bind(0) : bindInRangeOrEphemeral();
        Listening listening = new CallbackListening(server);
        server.start();
        return listening;
    }

    private HttpServer bindInRangeOrEphemeral() {
        for (int port = firstPort; port <= lastPort; port++) {
            try {
                return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            } catch (BindException taken) {
                // try the next port of the range
            } catch (IOException failure) {
                throw new AuthFlowException("Could not start the login callback listener: " + failure.getClass().getSimpleName());
            }
        }
        return bind(0);
    }

    private static HttpServer bind(int port) {
        try {
            return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException failure) {
            throw new AuthFlowException("Could not start the login callback listener: " + failure.getClass().getSimpleName());
        }
    }

    private static final class CallbackListening implements Listening {

        private final HttpServer server;
        private final AtomicReference<CallbackParameters> first = new AtomicReference<>();
        private final CountDownLatch delivered = new CountDownLatch(1);

        CallbackListening(HttpServer server) {
            this.server = server;
            server.createContext("/", this::handle);
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                boolean callback = "GET".equals(exchange.getRequestMethod())
                        && "/callback".equals(exchange.getRequestURI().getPath());
                if (!callback) {
                    respond(exchange, 404, NOT_FOUND_PAGE);
                    return;
                }
                // First writer wins: a reload or a second tab cannot replace the first answer.
                if (first.compareAndSet(null, parse(exchange.getRequestURI().getRawQuery()))) {
                    delivered.countDown();
                }
                respond(exchange, 200, DONE_PAGE);
            }
        }

        private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }

        /**
         * First value per key, blank values dropped (hosted-contract §2.2). The provider's error
         * and description are made displayable here: any page can send the browser to this URL,
         * and an error is reported before the state is checked.
         */
        static CallbackParameters parse(String rawQuery) {
            Map<String, String> params = new LinkedHashMap<>();
            if (rawQuery != null) {
                for (String pair : rawQuery.split("&")) {
                    int eq = pair.indexOf('=');
                    String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                    String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                    if (!value.isBlank()) {
                        params.putIfAbsent(key, value);
                    }
                }
            }
            return new CallbackParameters(
                    Optional.ofNullable(params.get("code")).map(Secret::of).orElse(null),
                    Optional.ofNullable(params.get("state")).map(Secret::of).orElse(null),
                    displayable(params.get("error")),
                    displayable(params.get("error_description")));
        }

        /** Controls (terminal escapes) escaped, line breaks folded, token-looking words removed, length capped. */
        private static String displayable(String raw) {
            if (raw == null) {
                return null;
            }
            String text = SafeText.serverMessage(raw);
            return text.isBlank() ? UNREADABLE : text;
        }

        private static String decode(String text) {
            try {
                return URLDecoder.decode(text, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformed) {
                return "";
            }
        }

        @Override
        public String redirectUri() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/callback";
        }

        @Override
        public Optional<CallbackParameters> await(Duration timeout) throws InterruptedException {
            return delivered.await(timeout.toMillis(), TimeUnit.MILLISECONDS) ? Optional.of(first.get()) : Optional.empty();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}

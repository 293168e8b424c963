package dev.speckitty.adapters.hosted.loopback;

import dev.speckitty.adapters.hosted.http.SafeText;
import dev.speckitty.adapters.hosted.loopback.LoopbackCallbackServer.ConnectionLimits;
import dev.speckitty.domain.auth.CallbackParameters;
import dev.speckitty.domain.port.AuthorizationCallbackListener.Listening;
import dev.speckitty.domain.session.Secret;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One running callback listener: accepts on a virtual thread, serves each connection on its own, delivers the
 * first {@code GET /callback} that carries the expected state. Everything else is answered and ignored, so a
 * stale tab, a forged {@code error=} or another local process can neither end nor change the login.
 */
final class CallbackListening implements Listening {

    private static final Page DONE = new Page(200, "OK", "<h1>Authentication complete</h1>"
            + "<p>You can close this tab and return to your terminal.</p>");
    private static final Page NOT_FOUND = new Page(404, "Not Found", "<h1>404 Not Found</h1>");
    private static final Page NOT_THIS_LOGIN = new Page(400, "Bad Request", "<h1>Not the login in progress</h1>"
            + "<p>This link does not belong to the login your terminal is waiting for (a stale tab?). Nothing"
            + " changed; use the link of the latest <code>spec-kitty auth login</code>.</p>");
    private static final Page MALFORMED = new Page(400, "Bad Request", "<h1>400 Bad Request</h1>");
    private static final Page OTHER_USER = new Page(403, "Forbidden", "<h1>403 Forbidden</h1>"
            + "<p>This login belongs to another user of this machine.</p>");

    private static final Duration LINGER = Duration.ofMillis(500);
    private static final int LINGER_BYTES = 64 * 1024;
    private static final Duration ACCEPTOR_EXIT = Duration.ofSeconds(2);

    private final ServerSocket server;
    private final Secret expectedState;
    private final ConnectionLimits limits;
    private final PeerOwner peers;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicReference<CallbackParameters> first = new AtomicReference<>();
    private final CountDownLatch delivered = new CountDownLatch(1);
    private Thread acceptor;

    private CallbackListening(ServerSocket server, Secret expectedState, ConnectionLimits limits, PeerOwner peers) {
        this.server = server;
        this.expectedState = expectedState;
        this.limits = limits;
        this.peers = peers;
    }

    static CallbackListening start(ServerSocket server, Secret expectedState, ConnectionLimits limits, PeerOwner peers) {
        CallbackListening listening = new CallbackListening(server, expectedState, limits, peers);
        listening.acceptor = Thread.ofVirtual().name("login-callback-accept").start(listening::acceptUntilClosed);
        return listening;
    }

    private void acceptUntilClosed() {
        while (!server.isClosed()) {
            Socket connection;
            try {
                connection = server.accept();
            } catch (IOException closedOrFailed) {
                return; // close() closed the server socket: the login is over
            }
            open.add(connection);
            Thread.ofVirtual().name("login-callback-connection").start(() -> serve(connection));
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            if (peers.supported() && !peers.isOurs(connection.getInetAddress(), connection.getPort(),
                    server.getLocalPort())) {
                respond(connection, OTHER_USER);
                return;
            }
            connection.setSoTimeout((int) limits.readTimeout().toMillis());
            CallbackRequest request;
            try {
                request = CallbackRequest.read(new BufferedInputStream(connection.getInputStream(), 1024),
                        limits.requestDeadline());
            } catch (CallbackRequest.Unreadable unreadable) {
                respond(connection, MALFORMED);
                return;
            }
            respond(connection, answer(request));
        } catch (IOException timedOutOrGone) {
            // the peer went away or stalled past the read timeout: nothing to answer, nothing delivered
        } finally {
            open.remove(connection);
        }
    }

    private Page answer(CallbackRequest request) {
        if (!"GET".equals(request.method()) || !"/callback".equals(request.target().getPath())) {
            return NOT_FOUND;
        }
        CallbackParameters params = parse(request.target().getRawQuery());
        if (params.state() == null || !params.state().equals(expectedState)) {
            return NOT_THIS_LOGIN;
        }
        // First writer wins: a reload or a second tab of this login cannot replace the first answer.
        if (first.compareAndSet(null, params)) {
            delivered.countDown();
        }
        return DONE;
    }

    private static void respond(Socket connection, Page page) throws IOException {
        byte[] body = ("<html><body>" + page.html() + "</body></html>").getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + page.status() + " " + page.reason() + "\r\n"
                + "Content-Type: text/html; charset=utf-8\r\nCache-Control: no-store\r\n"
                + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        OutputStream out = connection.getOutputStream();
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        lingerForTheRest(connection);
    }

    /**
     * Closing a socket with unread input makes the kernel send a reset, which can destroy the answer before the
     * client reads it (a POST body, a refused peer's request). So: end our side, then read and drop a bounded
     * remainder for a moment.
     */
    private static void lingerForTheRest(Socket connection) throws IOException {
        connection.shutdownOutput();
        connection.setSoTimeout((int) LINGER.toMillis());
        byte[] sink = new byte[4096];
        int dropped = 0;
        while (dropped < LINGER_BYTES) {
            int n = connection.getInputStream().read(sink);
            if (n < 0) {
                return;
            }
            dropped += n;
        }
    }

    /**
     * First value per key, blank values dropped (docs/spec/hosted-contract.md §2.2). The provider's error and description are
     * made displayable here: they come from a URL any page can send the browser to.
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

    /** Control characters (terminal escapes) and token-looking words removed, length capped. */
    private static String displayable(String raw) {
        if (raw == null) {
            return null;
        }
        String text = SafeText.serverMessage(raw);
        return text.isBlank() ? LoopbackCallbackServer.UNREADABLE : text;
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
        return "http://127.0.0.1:" + server.getLocalPort() + "/callback";
    }

    @Override
    public Optional<CallbackParameters> await(Duration timeout) throws InterruptedException {
        return delivered.await(timeout.toMillis(), TimeUnit.MILLISECONDS) ? Optional.of(first.get()) : Optional.empty();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException alreadyGone) {
            // nothing is listening either way
        }
        awaitAcceptorEnd(); // the socket is released only once the blocked accept has returned
        for (Socket connection : open) {
            try {
                connection.close(); // a stalled connection ends with the login, not with its timeout
            } catch (IOException alreadyGone) {
                // closed by its own thread meanwhile
            }
        }
    }

    private void awaitAcceptorEnd() {
        try {
            acceptor.join(ACCEPTOR_EXIT);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt(); // keep the caller's interrupt (Ctrl-C ends the login)
        }
    }

    private record Page(int status, String reason, String html) {}
}

package dev.speckitty.adapters.hosted.loopback;

import dev.speckitty.domain.auth.AuthFlowException;
import dev.speckitty.domain.port.AuthorizationCallbackListener;
import dev.speckitty.domain.session.Secret;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;

/**
 * The loopback redirect target of a browser login (RFC 8252 §7.3): a small HTTP/1.1 listener bound to 127.0.0.1
 * only, one path, no access log (the query carries the authorization code and state). Each connection is served on
 * its own virtual thread with a per-read timeout and a deadline for the whole request, so a slow or half-open
 * connection cannot hold up the browser's. On Linux a connection whose peer socket belongs to another user is
 * refused before anything is read: on a shared machine the authorize URL (and its state) is visible to everyone
 * in the browser's command line, and another user must not complete the login into her account.
 */
public final class LoopbackCallbackServer implements AuthorizationCallbackListener {

    /** The registered redirect ports (docs/spec/hosted-contract.md §2.2). */
    public static final int FIRST_PORT = 28888;
    public static final int LAST_PORT = 28898;

    /** Stands for a provider error or description that had nothing printable in it. */
    static final String UNREADABLE = "(unreadable)";

    /** Limits for one connection: each read, and the whole request head. */
    record ConnectionLimits(Duration readTimeout, Duration requestDeadline) {
        static final ConnectionLimits DEFAULTS = new ConnectionLimits(Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    private final int firstPort;
    private final int lastPort;
    private final ConnectionLimits limits;
    private final PeerOwner peers;

    public LoopbackCallbackServer() {
        this(FIRST_PORT, LAST_PORT);
    }

    /** A custom port range, for tests that exhaust it. */
    public LoopbackCallbackServer(int firstPort, int lastPort) {
        this(firstPort, lastPort, ConnectionLimits.DEFAULTS, PeerOwner.ofThisMachine());
    }

    LoopbackCallbackServer(int firstPort, int lastPort, ConnectionLimits limits, PeerOwner peers) {
        this.firstPort = firstPort;
        this.lastPort = lastPort;
        this.limits = limits;
        this.peers = peers;
    }

    @Override
    public Listening listen(boolean anyPort, Secret expectedState) {
        ServerSocket socket = anyPort ? bind(0) : bindInRangeOrEphemeral();
        return CallbackListening.start(socket, expectedState, limits, peers);
    }

    private ServerSocket bindInRangeOrEphemeral() {
        for (int port = firstPort; port <= lastPort; port++) {
            try {
                return bindOrThrow(port);
            } catch (BindException taken) {
                // try the next port of the range
            } catch (IOException failure) {
                throw cannotStart(failure);
            }
        }
        return bind(0);
    }

    private static ServerSocket bind(int port) {
        try {
            return bindOrThrow(port);
        } catch (IOException failure) {
            throw cannotStart(failure);
        }
    }

    private static ServerSocket bindOrThrow(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        try {
            socket.setReuseAddress(true); // a port left in TIME_WAIT by an earlier login is free to bind
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
            return socket;
        } catch (IOException failure) {
            socket.close();
            throw failure;
        }
    }

    private static AuthFlowException cannotStart(IOException failure) {
        return new AuthFlowException("Could not start the login callback listener: " + failure.getClass().getSimpleName());
    }
}

package dev.speckitty.domain.port;

import dev.speckitty.domain.auth.AuthFlowException;
import dev.speckitty.domain.auth.CallbackParameters;
import java.time.Duration;
import java.util.Optional;

/**
 * Receives the browser's redirect after the user approves a login: an HTTP listener bound to
 * 127.0.0.1 only (RFC 8252 loopback redirect).
 */
public interface AuthorizationCallbackListener {

    /**
     * Start listening. With {@code anyPort} (a discovered standards server) any free port will
     * do; otherwise the first free port of the registered range 28888–28898, then an ephemeral one.
     */
    Listening listen(boolean anyPort) throws AuthFlowException;

    /** A running listener; closing stops it. */
    interface Listening extends AutoCloseable {

        /** {@code http://127.0.0.1:<port>/callback}. */
        String redirectUri();

        /** The first callback delivered within {@code timeout}, or empty on timeout. */
        Optional<CallbackParameters> await(Duration timeout) throws InterruptedException;

        @Override
        void close();
    }
}

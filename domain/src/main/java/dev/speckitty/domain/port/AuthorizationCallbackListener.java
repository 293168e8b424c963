package dev.speckitty.domain.port;

import dev.speckitty.domain.auth.AuthFlowException;
import dev.speckitty.domain.auth.CallbackParameters;
import dev.speckitty.domain.session.Secret;
import java.time.Duration;
import java.util.Optional;

/**
 * Receives the browser's redirect after the user approves a login: an HTTP listener bound to
 * 127.0.0.1 only (RFC 8252 loopback redirect). Only a callback carrying this login's {@code state} is
 * delivered: anything else is answered and ignored, so no other local process can end the login.
 */
public interface AuthorizationCallbackListener {

    /**
     * Start listening. With {@code anyPort} (a discovered standards server) any free port will
     * do; otherwise the first free port of the registered range 28888–28898, then an ephemeral one.
     * Only a callback whose {@code state} equals {@code expectedState} is delivered.
     */
    Listening listen(boolean anyPort, Secret expectedState) throws AuthFlowException;

    /** A running listener; closing stops it. */
    interface Listening extends AutoCloseable {

        /** {@code http://127.0.0.1:<port>/callback}. */
        String redirectUri();

        /** The first callback with the expected state delivered within {@code timeout}, or empty on timeout. */
        Optional<CallbackParameters> await(Duration timeout) throws InterruptedException;

        @Override
        void close();
    }
}

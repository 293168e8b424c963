package dev.speckitty.application.login;

import dev.speckitty.application.login.LoginResult.Failed;
import dev.speckitty.application.login.LoginResult.Reason;
import dev.speckitty.domain.auth.AuthFlowException;
import dev.speckitty.domain.auth.AuthorizationRequest;
import dev.speckitty.domain.auth.CallbackParameters;
import dev.speckitty.domain.auth.TokenGrant;
import dev.speckitty.domain.port.AuthorizationCallbackListener;
import dev.speckitty.domain.port.AuthorizationServer;
import dev.speckitty.domain.port.Browser;
import dev.speckitty.domain.session.Secret;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Authorization code + PKCE S256 through a loopback redirect (RFC 8252): the verifier and state
 * never leave this process except as the challenge and the state in the authorize URL.
 */
final class BrowserLogin {

    static final Duration CALLBACK_TIMEOUT = Duration.ofSeconds(300);
    static final Duration PKCE_TTL = Duration.ofMinutes(5);

    private final AuthorizationServer server;
    private final AuthorizationCallbackListener callbacks;
    private final Browser browser;
    private final Clock clock;
    private final Duration callbackTimeout;

    BrowserLogin(AuthorizationServer server, AuthorizationCallbackListener callbacks, Browser browser, Clock clock,
            Duration callbackTimeout) {
        this.server = server;
        this.callbacks = callbacks;
        this.browser = browser;
        this.clock = clock;
        this.callbackTimeout = callbackTimeout;
    }

    /** The grant, or a failure explaining what went wrong; never a partial session. */
    GrantOrFailure obtainGrant(LoginProgress progress) throws InterruptedException {
        Secret verifier = Pkce.randomToken();
        Secret state = Pkce.randomToken();
        Instant created = clock.instant();
        try (AuthorizationCallbackListener.Listening listening = callbacks.listen(server.discovered(), state)) {
            AuthorizationRequest request =
                    new AuthorizationRequest(listening.redirectUri(), Pkce.challengeFor(verifier), state, verifier);
            String url = server.authorizationUrl(request);
            progress.browserLogin(url, browser.open(url));
            Optional<CallbackParameters> delivered = listening.await(callbackTimeout);
            if (delivered.isEmpty()) {
                return GrantOrFailure.failed(Reason.TIMED_OUT, "Authentication timed out ("
                        + callbackTimeout.toMinutes() + " minutes elapsed). Run spec-kitty auth login again.");
            }
            if (clock.instant().isAfter(created.plus(PKCE_TTL))) {
                return GrantOrFailure.failed(Reason.TIMED_OUT,
                        "The login attempt expired after 5 minutes. Run `spec-kitty auth login` again.");
            }
            return validated(delivered.get(), state)
                    .map(failure -> GrantOrFailure.failed(failure))
                    .orElseGet(() -> GrantOrFailure.granted(
                            server.exchangeAuthorizationCode(delivered.get().code(), request)));
        } catch (AuthFlowException failure) {
            return GrantOrFailure.failed(Reason.AUTHENTICATION_FAILED, failure.getMessage());
        }
    }

    /**
     * Validation order of docs/spec/hosted-contract.md §2.2; the state itself is never echoed. The listener already delivers
     * only the expected state; checking it again keeps the guarantee independent of the adapter.
     */
    private static Optional<Failed> validated(CallbackParameters params, Secret expectedState) {
        if (params.error() != null) {
            String description = params.errorDescription() == null ? "" : " (" + params.errorDescription() + ")";
            Reason reason = "access_denied".equals(params.error()) ? Reason.DENIED : Reason.AUTHENTICATION_FAILED;
            return Optional.of(new Failed(reason, "OAuth provider returned error: " + params.error() + description));
        }
        if (params.code() == null) {
            return Optional.of(invalid("Missing 'code' in callback parameters"));
        }
        if (params.state() == null) {
            return Optional.of(invalid("Missing 'state' in callback parameters"));
        }
        if (!params.state().equals(expectedState)) {
            return Optional.of(invalid("State mismatch (possible CSRF attack)"));
        }
        return Optional.empty();
    }

    private static Failed invalid(String what) {
        return new Failed(Reason.CALLBACK_INVALID, "Callback validation failed: " + what
                + ". This may indicate a CSRF attack or a stale browser tab. Run spec-kitty auth login again.");
    }

    /** A grant, or why there is none. */
    record GrantOrFailure(TokenGrant grant, Failed failure) {
        static GrantOrFailure granted(TokenGrant grant) {
            return new GrantOrFailure(grant, null);
        }

        static GrantOrFailure failed(Failed failure) {
            return new GrantOrFailure(null, failure);
        }

        static GrantOrFailure failed(Reason reason, String message) {
            return new GrantOrFailure(null, new Failed(reason, message));
        }
    }
}

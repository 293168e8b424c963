package dev.speckitty.domain.auth;

/**
 * A login, exchange or identity step failed. The message is sanitized and shown to the user as
 * is: it carries a status or an OAuth error code, never a token, code, verifier or response body.
 */
public class AuthFlowException extends RuntimeException {

    public AuthFlowException(String message) {
        super(message, null, false, false);
    }
}

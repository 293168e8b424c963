package dev.speckitty.domain.port;

import dev.speckitty.domain.auth.AuthFlowException;
import dev.speckitty.domain.auth.AuthorizationRequest;
import dev.speckitty.domain.auth.DeviceAuthorization;
import dev.speckitty.domain.auth.DevicePoll;
import dev.speckitty.domain.auth.RefreshResult;
import dev.speckitty.domain.auth.RevokeOutcome;
import dev.speckitty.domain.auth.TokenGrant;
import dev.speckitty.domain.session.Secret;

/**
 * The OAuth authorization server: discovered through RFC 8414 metadata when published, the
 * spec-kitty default paths otherwise. A refresh POST is never retried automatically.
 */
public interface AuthorizationServer {

    /** The URL the browser opens for this request (authorization code + PKCE S256). */
    String authorizationUrl(AuthorizationRequest request);

    /** True when endpoints came from RFC 8414 metadata (then any loopback port is acceptable). */
    boolean discovered();

    DeviceAuthorization requestDeviceAuthorization() throws AuthFlowException;

    DevicePoll pollDeviceToken(Secret deviceCode);

    TokenGrant exchangeAuthorizationCode(Secret code, AuthorizationRequest request) throws AuthFlowException;

    RefreshResult refresh(Secret refreshToken);

    /**
     * Resolves the endpoints now (RFC 8414 discovery, once per process) so that a caller about to
     * take the machine-wide refresh lock does not make that request, nor warm up its HTTP client,
     * while other processes wait for the lock. Never fails: an unreachable server is reported by
     * the call that follows.
     */
    default void resolveEndpoints() {}

    RevokeOutcome revoke(Secret refreshToken);
}

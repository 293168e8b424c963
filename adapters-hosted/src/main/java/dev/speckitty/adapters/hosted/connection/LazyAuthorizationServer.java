package dev.speckitty.adapters.hosted.connection;

import dev.speckitty.domain.auth.AuthorizationRequest;
import dev.speckitty.domain.auth.DeviceAuthorization;
import dev.speckitty.domain.auth.DevicePoll;
import dev.speckitty.domain.auth.RefreshResult;
import dev.speckitty.domain.auth.RevokeOutcome;
import dev.speckitty.domain.auth.TokenGrant;
import dev.speckitty.domain.port.AuthorizationServer;
import dev.speckitty.domain.session.Secret;

/** The OAuth authorization server of the configured hosted service, connected on the first call. */
public final class LazyAuthorizationServer implements AuthorizationServer {

    private final HostedConnection connection;

    public LazyAuthorizationServer(HostedConnection connection) {
        this.connection = connection;
    }

    private AuthorizationServer server() {
        return connection.adapters().authorizationServer();
    }

    @Override
    public String authorizationUrl(AuthorizationRequest request) {
        return server().authorizationUrl(request);
    }

    @Override
    public boolean discovered() {
        return server().discovered();
    }

    @Override
    public void resolveEndpoints() {
        server().resolveEndpoints();
    }

    @Override
    public DeviceAuthorization requestDeviceAuthorization() {
        return server().requestDeviceAuthorization();
    }

    @Override
    public DevicePoll pollDeviceToken(Secret deviceCode) {
        return server().pollDeviceToken(deviceCode);
    }

    @Override
    public TokenGrant exchangeAuthorizationCode(Secret code, AuthorizationRequest request) {
        return server().exchangeAuthorizationCode(code, request);
    }

    @Override
    public RefreshResult refresh(Secret refreshToken) {
        return server().refresh(refreshToken);
    }

    @Override
    public RevokeOutcome revoke(Secret refreshToken) {
        return server().revoke(refreshToken);
    }
}

package dev.speckitty.adapters.hosted.counting;

import dev.speckitty.domain.auth.AuthorizationRequest;
import dev.speckitty.domain.auth.DeviceAuthorization;
import dev.speckitty.domain.auth.DevicePoll;
import dev.speckitty.domain.auth.RefreshResult;
import dev.speckitty.domain.auth.RevokeOutcome;
import dev.speckitty.domain.auth.TokenGrant;
import dev.speckitty.domain.port.AuthorizationServer;
import dev.speckitty.domain.session.Secret;

/** An authorization server that tells {@link HostedActivity} of every refresh it is asked for. */
public final class CountingAuthorizationServer implements AuthorizationServer {

    private final AuthorizationServer server;
    private final HostedActivity activity;

    public CountingAuthorizationServer(AuthorizationServer server, HostedActivity activity) {
        this.server = server;
        this.activity = activity;
    }

    @Override
    public RefreshResult refresh(Secret refreshToken) {
        activity.tokenRefresh();
        return server.refresh(refreshToken);
    }

    @Override
    public String authorizationUrl(AuthorizationRequest request) {
        return server.authorizationUrl(request);
    }

    @Override
    public boolean discovered() {
        return server.discovered();
    }

    @Override
    public void resolveEndpoints() {
        server.resolveEndpoints();
    }

    @Override
    public DeviceAuthorization requestDeviceAuthorization() {
        return server.requestDeviceAuthorization();
    }

    @Override
    public DevicePoll pollDeviceToken(Secret deviceCode) {
        return server.pollDeviceToken(deviceCode);
    }

    @Override
    public TokenGrant exchangeAuthorizationCode(Secret code, AuthorizationRequest request) {
        return server.exchangeAuthorizationCode(code, request);
    }

    @Override
    public RevokeOutcome revoke(Secret refreshToken) {
        return server.revoke(refreshToken);
    }
}

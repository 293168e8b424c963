package dev.speckitty.adapters.hosted.connection;

import dev.speckitty.domain.auth.ServerSessionStatus;
import dev.speckitty.domain.port.SessionStatusProbe;
import dev.speckitty.domain.session.Secret;

/** The hosted session check of the configured hosted service, connected on the first call. */
public final class LazySessionStatusProbe implements SessionStatusProbe {

    private final HostedConnection connection;

    public LazySessionStatusProbe(HostedConnection connection) {
        this.connection = connection;
    }

    @Override
    public ServerSessionStatus check(Secret accessToken) {
        return connection.adapters().sessionStatusProbe().check(accessToken);
    }
}

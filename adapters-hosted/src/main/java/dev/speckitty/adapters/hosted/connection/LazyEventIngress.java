package dev.speckitty.adapters.hosted.connection;

import dev.speckitty.domain.port.EventIngress;
import dev.speckitty.domain.session.Secret;
import dev.speckitty.domain.sync.EventResult;
import dev.speckitty.domain.sync.QueuedEvent;
import java.util.List;

/** The batch ingress of the configured hosted service, connected on the first call. */
public final class LazyEventIngress implements EventIngress {

    private final HostedConnection connection;

    public LazyEventIngress(HostedConnection connection) {
        this.connection = connection;
    }

    @Override
    public List<EventResult> send(List<QueuedEvent> batch, String privateTeamId, Secret accessToken) {
        return connection.adapters().eventIngress().send(batch, privateTeamId, accessToken);
    }
}

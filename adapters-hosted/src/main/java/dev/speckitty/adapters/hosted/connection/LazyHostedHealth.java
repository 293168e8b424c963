package dev.speckitty.adapters.hosted.connection;

import dev.speckitty.adapters.hosted.HostedHttpSettings;
import dev.speckitty.adapters.hosted.health.WebClientHostedHealth;
import dev.speckitty.domain.port.HostedHealth;
import java.time.Duration;

/**
 * The health endpoint of the configured hosted service. It needs no shared client (each check has
 * its own short timeouts), so checking health never builds the OAuth and ingress clients.
 */
public final class LazyHostedHealth implements HostedHealth {

    private final HostedConnection connection;

    public LazyHostedHealth(HostedConnection connection) {
        this.connection = connection;
    }

    @Override
    public Check check(Duration timeout) {
        return new WebClientHostedHealth(connection.endpoints(), HostedHttpSettings.defaults()).check(timeout);
    }
}

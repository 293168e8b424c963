package dev.speckitty.adapters.hosted.connection;

import dev.speckitty.adapters.hosted.HostedAdapters;
import dev.speckitty.adapters.hosted.HostedEndpoints;
import dev.speckitty.domain.hosted.HostedAddress;
import dev.speckitty.domain.hosted.HostedUnavailableException;
import java.util.function.Supplier;

/**
 * The connection to the configured hosted service, made on first use: the address is asked for,
 * and the HTTP clients are built, only when a port is really called, so that a command that stays
 * offline never resolves configuration or starts Netty. Without a usable address every use fails
 * with {@link HostedUnavailableException} and makes no request (docs/spec/decisions.md decision 1).
 */
public final class HostedConnection {

    private final Supplier<HostedAddress> address;
    private final String clientId;
    private HostedAdapters adapters;

    /** {@code address} is asked on every use (the caller finds it once); {@code clientId} may be blank. */
    public HostedConnection(Supplier<HostedAddress> address, String clientId) {
        this.address = address;
        this.clientId = clientId;
    }

    /** The endpoints of the configured server; builds no client. */
    public HostedEndpoints endpoints() {
        return switch (address.get()) {
            case HostedAddress.Configured configured ->
                    new HostedEndpoints(configured.url(), clientId, HostedEndpoints.DEFAULT_SCOPE);
            case HostedAddress.Unusable unusable -> throw new HostedUnavailableException(unusable);
        };
    }

    /** The adapters over one shared client, built on the first call. */
    public synchronized HostedAdapters adapters() {
        if (adapters == null) {
            adapters = new HostedAdapters(endpoints());
        }
        return adapters;
    }

    /** Whether the clients have been built (for tests of laziness). */
    synchronized boolean connected() {
        return adapters != null;
    }
}

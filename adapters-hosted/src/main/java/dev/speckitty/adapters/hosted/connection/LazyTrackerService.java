package dev.speckitty.adapters.hosted.connection;

import dev.speckitty.domain.port.TrackerService;
import dev.speckitty.domain.session.Secret;
import dev.speckitty.domain.tracker.TrackerResult;

/** The tracker endpoints of the configured hosted service, connected on the first call. */
public final class LazyTrackerService implements TrackerService {

    private final HostedConnection connection;

    public LazyTrackerService(HostedConnection connection) {
        this.connection = connection;
    }

    @Override
    public TrackerResult status(String teamSlug, Secret accessToken) {
        return connection.adapters().trackerService().status(teamSlug, accessToken);
    }

    @Override
    public TrackerResult pull(String teamSlug, Secret accessToken) {
        return connection.adapters().trackerService().pull(teamSlug, accessToken);
    }
}

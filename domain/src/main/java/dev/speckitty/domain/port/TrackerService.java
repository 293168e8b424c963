package dev.speckitty.domain.port;

import dev.speckitty.domain.session.Secret;
import dev.speckitty.domain.tracker.TrackerResult;

/** The hosted tracker endpoints, called with a team slug and a bearer token. Never throws for HTTP. */
public interface TrackerService {

    TrackerResult status(String teamSlug, Secret accessToken);

    TrackerResult pull(String teamSlug, Secret accessToken);
}

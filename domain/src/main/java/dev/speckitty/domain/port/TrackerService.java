package dev.speckitty.domain.port;

import dev.speckitty.domain.hosted.HostedOutcome;
import dev.speckitty.domain.session.Secret;
import java.util.Map;

/** The hosted tracker endpoints; answers are JSON objects rendered by the caller. */
public interface TrackerService {

    HostedOutcome<Map<String, Object>> status(String teamSlug, Secret accessToken);

    HostedOutcome<Map<String, Object>> pull(String teamSlug, Secret accessToken);
}

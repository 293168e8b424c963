package dev.speckitty.domain.port;

import dev.speckitty.domain.session.Secret;
import dev.speckitty.domain.sync.EventResult;
import dev.speckitty.domain.sync.QueuedEvent;
import java.util.List;

/**
 * The hosted batch ingress. Every event gets a result: per-event answers from a 200, or the same
 * classified batch-level failure for all of them. Never throws for hosted failures.
 */
public interface EventIngress {

    List<EventResult> send(List<QueuedEvent> batch, String privateTeamId, Secret accessToken);
}

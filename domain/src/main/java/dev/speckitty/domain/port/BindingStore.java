package dev.speckitty.domain.port;

import dev.speckitty.domain.teamspace.TeamspaceBinding;
import dev.speckitty.domain.teamspace.TrackerBinding;
import java.util.Optional;

/**
 * The repository the CLI runs in: its project root (the nearest directory with {@code .kittify/}),
 * {@code .kittify/config.yaml} and git origin. Reading never creates or rewrites anything; only
 * an explicit bind or unbind writes, and it keeps every other key (and comments, where possible).
 */
public interface BindingStore {

    /** Empty when there is no project root. Never writes. */
    Optional<TeamspaceBinding> read();

    /** Write {@code teamspace:}; fails when there is no project root. */
    void bindTeamspace(String teamspace);

    /** Remove {@code teamspace:}; a no-op when absent. */
    void unbindTeamspace();

    /** Write {@code tracker:}; fails when there is no project root. */
    void bindTracker(TrackerBinding tracker);
}

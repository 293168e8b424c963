package dev.speckitty.domain.teamspace;

import java.util.Objects;
import java.util.Optional;

/**
 * A repository's link to the hosted service, from {@code <repo>/.kittify/config.yaml}: the
 * project identity and, when bound, the Teamspace handle.
 */
public record TeamspaceBinding(String projectUuid, String projectSlug, String teamspace) {

    public TeamspaceBinding {
        Objects.requireNonNull(projectUuid, "project uuid");
    }

    public Optional<String> boundTeamspace() {
        return Optional.ofNullable(teamspace).map(String::strip).filter(s -> !s.isEmpty());
    }
}

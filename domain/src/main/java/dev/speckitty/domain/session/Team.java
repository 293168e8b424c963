package dev.speckitty.domain.session;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A team membership as the hosted service reports it. */
public record Team(String id, String name, String role, boolean privateTeamspace) {

    public Team {
        Objects.requireNonNull(id, "team id");
        Objects.requireNonNull(name, "team name");
        Objects.requireNonNull(role, "team role");
    }

    /** The default team is the first Private Teamspace, else the first team; empty when there are none. */
    public static Optional<String> pickDefaultTeamId(List<Team> teams) {
        return firstPrivate(teams).or(() -> teams.stream().findFirst()).map(Team::id);
    }

    /**
     * The Private Teamspace, the only valid target of direct ingress. Never falls back to the
     * default team or the first team.
     */
    public static Optional<Team> firstPrivate(List<Team> teams) {
        return teams.stream().filter(Team::privateTeamspace).findFirst();
    }
}

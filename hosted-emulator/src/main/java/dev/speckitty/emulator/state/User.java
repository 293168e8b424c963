package dev.speckitty.emulator.state;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A hosted user and their team memberships. */
public record User(String userId, String email, String name, List<Team> teams) {

    public static final String DEFAULT_EMAIL = "dev@example.com";

    public User {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(email, "email");
        name = name == null ? email : name;
        teams = List.copyOf(teams);
    }

    /** The default demo user: a Private Teamspace (when wanted) and a shared team. */
    public static User defaultUser(boolean withPrivateTeam) {
        List<Team> teams = withPrivateTeam
                ? List.of(Team.DEFAULT_PRIVATE, Team.DEFAULT_SHARED)
                : List.of(Team.DEFAULT_SHARED);
        return new User("u-dev", DEFAULT_EMAIL, "Dev User", teams);
    }

    public Optional<Team> privateTeam() {
        return teams.stream().filter(Team::privateTeamspace).findFirst();
    }

    public boolean isMemberOf(String teamId) {
        return teams.stream().anyMatch(team -> team.id().equals(teamId));
    }

    public User withTeams(List<Team> newTeams) {
        return new User(userId, email, name, newTeams);
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("user_id", userId);
        json.put("email", email);
        json.put("name", name);
        json.put("teams", teams.stream().map(Team::toJson).toList());
        return json;
    }
}

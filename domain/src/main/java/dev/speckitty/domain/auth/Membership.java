package dev.speckitty.domain.auth;

import dev.speckitty.domain.session.Team;
import java.time.Instant;
import java.util.List;

/** The signed-in identity and teams from {@code GET /api/v1/me}. */
public record Membership(String userId, String email, String name, List<Team> teams, Instant refreshTokenExpiresAt) {

    public Membership {
        teams = List.copyOf(teams);
    }
}

package dev.speckitty.domain.auth;

import dev.speckitty.domain.session.Team;
import java.time.Instant;
import java.util.List;

/**
 * The signed-in identity and teams, from {@code GET /api/v1/me} or, on a standards server without
 * it, from OpenID Connect userinfo.
 *
 * @param teamsReported false when the identity came from userinfo, which knows no teams: an empty
 *     list then means "not known here", not "a user without memberships"
 */
public record Membership(String userId, String email, String name, List<Team> teams, Instant refreshTokenExpiresAt,
        boolean teamsReported) {

    public Membership {
        teams = List.copyOf(teams);
    }

    /** A {@code /api/v1/me} answer: the teams are the server's word. */
    public Membership(String userId, String email, String name, List<Team> teams, Instant refreshTokenExpiresAt) {
        this(userId, email, name, teams, refreshTokenExpiresAt, true);
    }

    /** An OpenID Connect userinfo identity: no teams, no refresh expiry. */
    public static Membership identityOnly(String userId, String email, String name) {
        return new Membership(userId, email, name, List.of(), null, false);
    }
}

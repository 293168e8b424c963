package dev.speckitty.testfixtures;

import dev.speckitty.domain.session.Team;

/** The two memberships most tests need: a Private Teamspace and a shared team. */
public final class Teams {

    /** The user's Private Teamspace, the only target of direct ingress. */
    public static final Team PRIVATE = new Team("t-private", "Private", "owner", true);

    /** A shared team, never a direct-ingress target. */
    public static final Team SHARED = new Team("t-shared", "Shared", "member", false);

    private Teams() {}
}

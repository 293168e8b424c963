package dev.speckitty.application.session;

import dev.speckitty.domain.auth.Membership;
import dev.speckitty.domain.port.MembershipDirectory;
import dev.speckitty.domain.session.Secret;
import dev.speckitty.domain.session.Team;
import java.util.ArrayList;
import java.util.List;

/** Records the bearer tokens /api/v1/me was called with and answers with the configured teams. */
public final class SpyMembershipDirectory implements MembershipDirectory {

    public final List<String> tokensSeen = new ArrayList<>();
    public List<Team> teams;
    /** True: answers as OpenID Connect userinfo would, an identity without teams. */
    public boolean userinfoOnly;

    public SpyMembershipDirectory(List<Team> teams) {
        this.teams = teams;
    }

    @Override
    public synchronized Membership fetch(Secret accessToken) {
        tokensSeen.add(accessToken.reveal());
        return userinfoOnly ? Membership.identityOnly("u-1", "dev@example.com", "Dev")
                : new Membership("u-1", "dev@example.com", "Dev", teams, null);
    }
}

package dev.speckitty.adapters.hosted.connection;

import dev.speckitty.domain.auth.Membership;
import dev.speckitty.domain.port.MembershipDirectory;
import dev.speckitty.domain.session.Secret;

/** {@code GET /api/v1/me} of the configured hosted service, connected on the first call. */
public final class LazyMembershipDirectory implements MembershipDirectory {

    private final HostedConnection connection;

    public LazyMembershipDirectory(HostedConnection connection) {
        this.connection = connection;
    }

    @Override
    public Membership fetch(Secret accessToken) {
        return connection.adapters().membershipDirectory().fetch(accessToken);
    }
}

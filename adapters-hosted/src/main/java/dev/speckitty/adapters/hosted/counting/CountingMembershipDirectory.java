package dev.speckitty.adapters.hosted.counting;

import dev.speckitty.domain.auth.Membership;
import dev.speckitty.domain.port.MembershipDirectory;
import dev.speckitty.domain.session.Secret;

/** A membership directory that tells {@link HostedActivity} of every fetch it is asked for. */
public final class CountingMembershipDirectory implements MembershipDirectory {

    private final MembershipDirectory directory;
    private final HostedActivity activity;

    public CountingMembershipDirectory(MembershipDirectory directory, HostedActivity activity) {
        this.directory = directory;
        this.activity = activity;
    }

    @Override
    public Membership fetch(Secret accessToken) {
        activity.membershipFetch();
        return directory.fetch(accessToken);
    }
}

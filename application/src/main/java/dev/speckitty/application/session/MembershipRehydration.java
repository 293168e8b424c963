package dev.speckitty.application.session;

import dev.speckitty.domain.auth.AuthFlowException;
import dev.speckitty.domain.auth.Membership;
import dev.speckitty.domain.port.MembershipDirectory;
import dev.speckitty.domain.session.StoredSession;
import java.lang.System.Logger.Level;
import java.util.Optional;

/**
 * Fills in a missing Private Teamspace from {@code /api/v1/me} (docs/spec/hosted-contract.md §5.5). The token
 * endpoint never returns teams, so a session without a private team can only learn of one here.
 * A "no private team" answer is remembered for the life of the process (never persisted).
 */
public final class MembershipRehydration {

    private static final System.Logger LOG = System.getLogger(MembershipRehydration.class.getName());

    private final MembershipDirectory directory;
    private boolean knownWithoutPrivateTeam;
    private boolean attempted;

    public MembershipRehydration(MembershipDirectory directory) {
        this.directory = directory;
    }

    /**
     * The session with its private team filled in, or empty when it still has none. Makes no call
     * when the session already has one, or (unless {@code force}) when this process already asked.
     */
    public synchronized Optional<StoredSession> rehydrate(StoredSession session, boolean force) {
        if (session.privateTeam().isPresent()) {
            return Optional.of(session);
        }
        if (knownWithoutPrivateTeam && !force) {
            return Optional.empty();
        }
        attempted = true;
        Membership membership;
        try {
            membership = directory.fetch(session.accessToken());
        } catch (AuthFlowException failure) {
            LOG.log(Level.WARNING, "rehydrate_membership_if_needed: /api/v1/me fetch failed: {0}", failure.getMessage());
            return Optional.empty();
        }
        StoredSession updated = session.withTeams(membership.teams());
        if (updated.privateTeam().isEmpty()) {
            knownWithoutPrivateTeam = true;
            return Optional.empty();
        }
        return Optional.of(updated);
    }

    /** Whether this process has asked the server (for the direct-ingress diagnostic). */
    public synchronized boolean attempted() {
        return attempted;
    }

    /** A new session (login) invalidates what this process learned about the old one. */
    public synchronized void forget() {
        knownWithoutPrivateTeam = false;
    }
}

package dev.speckitty.application.teamspace;

import dev.speckitty.application.session.SessionPresence;
import dev.speckitty.application.session.SessionPresence.Presence;
import dev.speckitty.domain.port.BindingStore;
import dev.speckitty.domain.teamspace.TeamspaceBinding;
import java.util.Optional;

/** {@code teamspace status}: the repository's binding and whether a session can reach it. Never writes. */
public final class ShowTeamspace {

    /** The binding as read, and the session's presence. */
    public record Overview(TeamspaceBinding binding, Presence session) {}

    private final BindingStore bindings;
    private final SessionPresence presence;

    public ShowTeamspace(BindingStore bindings, SessionPresence presence) {
        this.bindings = bindings;
        this.presence = presence;
    }

    /** Empty when not inside a spec-kitty project. */
    public Optional<Overview> show() {
        return bindings.read().map(binding -> new Overview(binding, presence.check()));
    }
}

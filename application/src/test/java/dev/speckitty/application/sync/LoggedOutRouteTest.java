package dev.speckitty.application.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.application.session.FixedPresence;
import dev.speckitty.application.session.SessionPresence;
import dev.speckitty.application.session.SessionPresence.Presence;
import dev.speckitty.application.teamspace.InMemoryBindingStore;
import dev.speckitty.domain.port.BindingStore;
import org.junit.jupiter.api.Test;

/** The logged-out decision (docs/spec/behaviour.md §2.3) without the prompt. */
class LoggedOutRouteTest {

    private static LoggedOutRoute route(BindingStore bindings, Presence presence, boolean interactive) {
        SessionPresence sessions = FixedPresence.of(presence);
        // The detector's session read is only for an expired session's private team, unused here.
        ConnectedTeamspaceDetector detector = new ConnectedTeamspaceDetector(sessions, null, bindings);
        return new LoggedOutRoute(detector, sessions, () -> interactive);
    }

    @Test
    void automationStopsWithTheReasonAndTheStructuredLine() {
        LoggedOutRoute.Decision decision = route(InMemoryBindingStore.project("acme/team"), Presence.NOT_AUTHENTICATED,
                false).decide("sync now");

        assertThat(decision).isEqualTo(new LoggedOutRoute.Decision.Stop(
                "Not logged in: there is no session on this machine (never logged in, logged out, or the server"
                        + " revoked it).",
                "spec-kitty: logged_out_on_connected_teamspace teamspace=acme/team command=sync now"
                        + " action=run-spec-kitty-auth-login"));
    }

    @Test
    void aPersonIsAsked() {
        assertThat(route(InMemoryBindingStore.project("acme/team"), Presence.UNREADABLE, true).decide("tracker pull"))
                .isEqualTo(new LoggedOutRoute.Decision.Ask("acme/team",
                        "Not logged in: the session file cannot be used (run spec-kitty auth doctor)."));
    }

    @Test
    void withoutAConnectedTeamspaceTheCommandCarriesOn() {
        assertThat(route(new InMemoryBindingStore(), Presence.NOT_AUTHENTICATED, false).decide("sync now"))
                .isInstanceOf(LoggedOutRoute.Decision.NoTeamspace.class);
        assertThat(route(InMemoryBindingStore.project("acme/team"), Presence.AUTHENTICATED, false).decide("sync now"))
                .isInstanceOf(LoggedOutRoute.Decision.NoTeamspace.class);
    }

    @Test
    void theReasonNamesTheSessionState() {
        assertThat(route(new InMemoryBindingStore(), Presence.REFRESH_EXPIRED, false).whyNoSession())
                .isEqualTo("Not logged in: the session expired (its refresh token is past its expiry).");
        assertThat(LoggedOutRoute.reason(Presence.AUTHENTICATED))
                .isEqualTo("Not logged in: the server no longer accepts the session.");
    }
}

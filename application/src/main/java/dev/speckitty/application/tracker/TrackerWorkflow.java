package dev.speckitty.application.tracker;

import dev.speckitty.application.session.AuthProblem;
import dev.speckitty.application.session.RefreshAttempt;
import dev.speckitty.application.session.SessionManager;
import dev.speckitty.application.session.SessionPresence;
import dev.speckitty.application.session.SessionPresence.Presence;
import dev.speckitty.application.session.TokenAccess;
import dev.speckitty.domain.hosted.FailureCategory;
import dev.speckitty.domain.port.BindingStore;
import dev.speckitty.domain.port.HostedHealth;
import dev.speckitty.domain.port.TrackerService;
import dev.speckitty.domain.session.Secret;
import dev.speckitty.domain.session.StoredSession;
import dev.speckitty.domain.session.Team;
import dev.speckitty.domain.teamspace.TeamspaceBinding;
import dev.speckitty.domain.tracker.TrackerResult;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Tracker-bound hosted workflows: the readiness gate, then the call with one forced refresh on a
 * 401 (docs/spec/behaviour.md §1.5). Every failure is a value with an error code and a safe message.
 */
public final class TrackerWorkflow {

    static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(2);
    static final String NO_TOKEN = "No valid access token. Run `spec-kitty auth login` to authenticate.";
    static final String NO_TEAM = "No team context available. Run `spec-kitty auth login` to authenticate.";
    static final String EXPIRED = "Session expired. Run `spec-kitty auth login` to re-authenticate.";

    private final SessionPresence presence;
    private final SessionManager sessions;
    private final BindingStore bindings;
    private final TrackerService tracker;
    private final HostedHealth health;

    public TrackerWorkflow(SessionPresence presence, SessionManager sessions, BindingStore bindings,
            TrackerService tracker, HostedHealth health) {
        this.presence = presence;
        this.sessions = sessions;
        this.bindings = bindings;
        this.tracker = tracker;
        this.health = health;
    }

    /** The first failing readiness state; the host probe runs only when everything before it passed. */
    public Readiness readiness(boolean rolloutEnabled, boolean hostConfigured, boolean requireBinding) {
        if (!rolloutEnabled) {
            return Readiness.ROLLOUT_DISABLED;
        }
        if (presence.check() != Presence.AUTHENTICATED) {
            return Readiness.MISSING_AUTH;
        }
        if (!hostConfigured) {
            return Readiness.MISSING_HOST_CONFIG;
        }
        if (!health.reachable(HEALTH_TIMEOUT)) {
            return Readiness.HOST_UNREACHABLE;
        }
        if (requireBinding && bindings.read().flatMap(TeamspaceBinding::configuredTracker).isEmpty()) {
            return Readiness.MISSING_MISSION_BINDING;
        }
        return Readiness.READY;
    }

    /** The project slug the gate names when the binding is missing. */
    public Optional<String> featureSlug() {
        return bindings.read().map(TeamspaceBinding::projectSlug);
    }

    public TrackerResult status() {
        return call(tracker::status);
    }

    public TrackerResult pull() {
        return call(tracker::pull);
    }

    private TrackerResult call(BiFunction<String, Secret, TrackerResult> endpoint) {
        TokenAccess access = sessions.accessToken();
        if (access instanceof TokenAccess.Denied denied) {
            return noToken(denied.problem());
        }
        TokenAccess.Granted granted = (TokenAccess.Granted) access;
        Optional<String> team = teamSlug(granted.session());
        if (team.isEmpty()) {
            return unauthenticated(NO_TEAM);
        }
        TrackerResult first = endpoint.apply(team.get(), granted.accessToken());
        if (!(first instanceof TrackerResult.Unauthorized)) {
            return first;
        }
        RefreshAttempt refreshed = sessions.refresh(true);
        if (refreshed.session() == null) {
            // docs/spec/behaviour.md §1.5: a failed forced refresh is session_expired; contention is not a failure (docs/spec/decisions.md decision 9).
            return refreshed.problem().isContention() ? noToken(refreshed.problem()) : expired();
        }
        TrackerResult second = endpoint.apply(team.get(), refreshed.session().accessToken());
        return second instanceof TrackerResult.Unauthorized ? expired() : second;
    }

    /** Tracker calls use the default team (else the first), not necessarily the Private Teamspace. */
    private static Optional<String> teamSlug(StoredSession session) {
        return session.teams().stream().filter(t -> t.id().equals(session.defaultTeamId())).findFirst()
                .or(() -> session.teams().stream().findFirst())
                .map(Team::id)
                .filter(id -> !id.isBlank());
    }

    /** No token: a retryable failure for contention or the network, otherwise "log in" (AuthProblem#category). */
    private static TrackerResult noToken(AuthProblem problem) {
        FailureCategory category = problem.category();
        return category == FailureCategory.UNAUTHENTICATED
                ? unauthenticated(NO_TOKEN)
                : retryable(category.machineName(), problem.message());
    }

    private static TrackerResult retryable(String code, String message) {
        return new TrackerResult.Failed(code, message, null, false, Map.of("category", code));
    }

    private static TrackerResult unauthenticated(String message) {
        return new TrackerResult.Failed("unauthenticated", message, 401, true, Map.of("category", "unauthenticated"));
    }

    private static TrackerResult expired() {
        return new TrackerResult.Failed("session_expired", EXPIRED, 401, true, Map.of());
    }
}

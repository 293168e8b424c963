package dev.speckitty.application.sync;

import dev.speckitty.application.session.AuthProblem;
import dev.speckitty.application.session.RefreshAttempt;
import dev.speckitty.application.session.SessionManager;
import dev.speckitty.application.session.TokenAccess;
import dev.speckitty.domain.hosted.FailureCategory;
import dev.speckitty.domain.hosted.HostedFailure;
import dev.speckitty.domain.port.EventIngress;
import dev.speckitty.domain.port.EventQueue;
import dev.speckitty.domain.session.Secret;
import dev.speckitty.domain.session.StoredSession;
import dev.speckitty.domain.sync.EventResult;
import dev.speckitty.domain.sync.PendingEvent;
import dev.speckitty.domain.sync.QueuedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code sync now}: send the local queue to the hosted batch ingress in the decision order of
 * docs/spec/behaviour.md §1.3. Local failures (no session, no Private Teamspace) make no HTTP and leave the
 * queue untouched; only events the server accepted leave the queue.
 */
public final class SyncNow {

    public static final int BATCH_SIZE = 1000;
    static final String NOT_AUTHENTICATED = "Not authenticated: no valid access token. Run `spec-kitty auth login`.";
    static final String NO_PRIVATE_TEAM = "skipped: no Private Teamspace available for direct ingress";
    static final String ENDPOINT = "/api/v1/events/batch/";
    private static final int UNAUTHORIZED = 401;

    private final EventQueue queue;
    private final EventIngress ingress;
    private final SessionManager sessions;
    private final SyncDiagnostics diagnostics;

    public SyncNow(EventQueue queue, EventIngress ingress, SessionManager sessions, SyncDiagnostics diagnostics) {
        this.queue = queue;
        this.ingress = ingress;
        this.sessions = sessions;
        this.diagnostics = diagnostics;
    }

    public SyncOutcome run(boolean rolloutEnabled) {
        return run(rolloutEnabled, SyncProgress.NONE);
    }

    /** {@link #run(boolean)}, telling {@code progress} after every batch sent. */
    public SyncOutcome run(boolean rolloutEnabled, SyncProgress progress) {
        if (!rolloutEnabled) {
            return new SyncOutcome.Disabled();
        }
        long total = queue.size();
        if (total == 0) {
            return new SyncOutcome.QueueEmpty();
        }
        return new SyncOutcome.Completed(switch (sessions.accessToken()) {
            case TokenAccess.Denied denied -> failAllLocally(total, denied.problem());
            case TokenAccess.Granted granted -> sendWithPrivateTeam(total, granted.session(), progress);
        });
    }

    private SyncReport sendWithPrivateTeam(long total, StoredSession session, SyncProgress progress) {
        Optional<StoredSession> withTeam = sessions.withPrivateTeam(session);
        if (withTeam.isEmpty()) {
            diagnostics.warn("direct ingress skipped: the session has no Private Teamspace"
                    + (sessions.membershipAttempted() ? " (your teams were re-checked with the server)" : "")
                    + ", so nothing was sent to " + ENDPOINT + ". Ask for access to a Private Teamspace, then run "
                    + "spec-kitty auth login --force to refresh your teams.");
            return failAll(total, HostedFailure.of(FailureCategory.DIRECT_INGRESS_MISSING_PRIVATE_TEAM, NO_PRIVATE_TEAM),
                    false);
        }
        StoredSession ready = withTeam.get();
        String privateTeamId = ready.privateTeam().orElseThrow().id();
        List<EventResult> results = new ArrayList<>();
        long after = 0;
        while (true) {
            List<PendingEvent> batch = queue.pending(after, BATCH_SIZE);
            if (batch.isEmpty()) {
                break;
            }
            // Asked again for every batch: a long drain (a big queue, a slow server) can outlive the
            // token it started with, and a token refreshed here is cheaper than a batch refused with 401.
            Secret token;
            switch (sessions.accessToken()) {
                case TokenAccess.Granted granted -> token = granted.accessToken();
                case TokenAccess.Denied denied -> {
                    return stoppedMidDrain(total, results, after, denied.problem());
                }
            }
            List<QueuedEvent> events = batch.stream().map(PendingEvent::event).toList();
            List<EventResult> batchResults = ingress.send(events, privateTeamId, token);
            if (refusedTheToken(batchResults)) {
                // docs/spec/hosted-contract.md §2.11: a 401 for a token we believed valid (clock skew, a request that
                // arrived after expiry) gets one forced refresh and one resend; a second 401 stands.
                RefreshAttempt renewed = sessions.refresh(true);
                if (renewed.session() != null) {
                    batchResults = ingress.send(events, privateTeamId, renewed.session().accessToken());
                } else if (renewed.problem().isContention()) {
                    return stoppedMidDrain(total, results, after, renewed.problem());
                }
            }
            List<String> accepted = batchResults.stream()
                    .filter(r -> r instanceof EventResult.Synced || r instanceof EventResult.Duplicate)
                    .map(EventResult::eventId)
                    .toList();
            queue.remove(accepted);
            results.addAll(batchResults);
            progress.batchDone(results.size(), total);
            after = batch.getLast().position();
            if (accepted.isEmpty()) {
                break; // no progress: the rest would fail the same way (docs/spec/behaviour.md §1.3 drain loop)
            }
        }
        return report(total, results, false);
    }

    /** No token for the next batch: it and every event after it fail locally and stay queued. */
    private SyncReport stoppedMidDrain(long total, List<EventResult> results, long after, AuthProblem problem) {
        results.addAll(failPending(after, LocalFailure.of(problem).failure()));
        return report(total, results, false);
    }

    /** The server answered the whole batch 401: it refused the token, not the events. */
    private static boolean refusedTheToken(List<EventResult> batchResults) {
        return !batchResults.isEmpty() && batchResults.stream().allMatch(result ->
                result instanceof EventResult.Failed failed && failed.failure().status().orElse(0) == UNAUTHORIZED);
    }

    /** No usable session: every pending event fails locally, nothing is sent, the queue is untouched. */
    private SyncReport failAllLocally(long total, AuthProblem problem) {
        LocalFailure failure = LocalFailure.of(problem);
        return failAll(total, failure.failure(), failure.unauthenticated());
    }

    /** Why no token could be had, as the failure of the events it stops. */
    private record LocalFailure(HostedFailure failure, boolean unauthenticated) {
        static LocalFailure of(AuthProblem problem) {
            FailureCategory category = problem.category();
            boolean unauthenticated = category == FailureCategory.UNAUTHENTICATED;
            return new LocalFailure(HostedFailure.of(category, unauthenticated ? NOT_AUTHENTICATED : problem.message()),
                    unauthenticated);
        }
    }

    private SyncReport failAll(long total, HostedFailure failure, boolean unauthenticated) {
        return report(total, failPending(0, failure), unauthenticated);
    }

    /** The queue can grow while we drain (other processes enqueue): the total is never below the results. */
    private static SyncReport report(long total, List<EventResult> results, boolean unauthenticated) {
        return SyncReport.of((int) Math.max(total, results.size()), results, unauthenticated);
    }

    /** Every event queued after {@code after} failed with {@code failure}; the queue is untouched. */
    private List<EventResult> failPending(long after, HostedFailure failure) {
        List<EventResult> results = new ArrayList<>();
        long position = after;
        while (true) {
            List<PendingEvent> page = queue.pending(position, BATCH_SIZE);
            if (page.isEmpty()) {
                return results;
            }
            page.forEach(event -> results.add(new EventResult.Failed(event.eventId(), failure)));
            position = page.getLast().position();
        }
    }
}

package dev.speckitty.shell.render;

import dev.speckitty.application.session.AuthProblem;
import dev.speckitty.application.session.RefreshAttempt;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code auth refresh}: the outcome in the user's terms and how long the access token is valid,
 * or the {@code {outcome, network_call, ...}} document; never the token. A failed refresh is one
 * {@code X} line on stderr, or the same document with its {@code error} in the one shape of every
 * command's failure document ({@code code, message, action}).
 */
public final class RefreshView implements View<RefreshView.Refreshed> {

    /** The attempt as seen at {@code now} (the remaining lifetime is relative to it). */
    public record Refreshed(RefreshAttempt attempt, Instant now) {}

    /** The outcomes in the user's terms; their machine names are for --json. */
    private static final Map<String, String> OUTCOME_WORDS = Map.of(
            "refreshed", "Refreshed",
            "not_needed", "No refresh needed",
            "adopted_newer", "Another spec-kitty process had just refreshed; using its token",
            "lock_timeout_adopted", "Another spec-kitty process refreshed meanwhile; using its token",
            "stale_rejection_preserved", "The server refused an old token; the newer session was kept");

    @Override
    public void text(Refreshed refreshed, PrintWriter out) {
        RefreshAttempt attempt = refreshed.attempt();
        if (attempt.session() == null) {
            out.println("X " + attempt.problem().message());
            return;
        }
        long left = Duration.between(refreshed.now(), attempt.session().accessTokenExpiresAt()).toSeconds();
        out.println("+ " + OUTCOME_WORDS.getOrDefault(attempt.outcomeName(), "Session usable")
                + " (access token valid for " + DurationFormat.format(left) + ").");
    }

    @Override
    public Map<String, ?> json(Refreshed refreshed) {
        RefreshAttempt attempt = refreshed.attempt();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("outcome", attempt.outcomeName());
        document.put("network_call", attempt.report() != null && attempt.report().networkCall());
        if (attempt.session() != null) {
            Instant expiry = attempt.session().accessTokenExpiresAt();
            document.put("access_token_expires_at", Timestamps.format(expiry));
            document.put("access_token_remaining_s", Math.max(0, Duration.between(refreshed.now(), expiry).toSeconds()));
            document.put("error", null);
        } else {
            AuthProblem problem = attempt.problem();
            // the error object of every command's failure document; outcome and network_call stay beside it
            // (docs/spec/failure-taxonomy.md §3: auth refresh --json reports the outcome plus error)
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("code", problem.kind().machineName());
            error.put("message", problem.message());
            error.put("action", null);
            document.put("error", error);
        }
        return document;
    }

    @Override
    public boolean failure(Refreshed refreshed) {
        return refreshed.attempt().session() == null;
    }

    /** The document carries the error: nothing on stderr. */
    @Override
    public boolean textUnderJson(Refreshed refreshed) {
        return false;
    }
}

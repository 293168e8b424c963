package dev.speckitty.application.sync;

import dev.speckitty.application.session.SessionPresence.Presence;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One reading of the sync set-up, rendered by {@code sync status} and {@code sync doctor}.
 *
 * @param reachable empty when the host was not probed
 * @param unreachableBecause why the probe failed in a few words; empty otherwise
 */
public record SyncSetupReport(boolean syncEnabled, Optional<String> serverUrl, long queueSize, Presence auth,
        Optional<Boolean> reachable, String unreachableBecause) {

    public static final String ROLLOUT_OFF =
            "Hosted SaaS sync is not enabled on this machine. Set `SPEC_KITTY_ENABLE_SAAS_SYNC=1` to opt in.";

    public boolean authenticated() {
        return auth == Presence.AUTHENTICATED;
    }

    public boolean unreachable() {
        return reachable.equals(Optional.of(false));
    }

    /** The first missing piece, in order: opt in, then a server, then a session; empty when none is missing. */
    public Optional<String> nextStep() {
        if (!syncEnabled) {
            return Optional.of("Set SPEC_KITTY_ENABLE_SAAS_SYNC=1 to opt in to hosted sync on this machine.");
        }
        if (serverUrl.isEmpty()) {
            return Optional.of("Set SPEC_KITTY_SAAS_URL (or [sync] server_url in config.toml) to the hosted service.");
        }
        return switch (auth) {
            case NOT_AUTHENTICATED -> Optional.of("Run `spec-kitty auth login` to connect.");
            case REFRESH_EXPIRED -> Optional.of("Run `spec-kitty auth login` to re-authenticate.");
            case AUTHENTICATED, UNREADABLE -> Optional.empty();
        };
    }

    /** Every problem found, each with the action that fixes it. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!syncEnabled) {
            problems.add(ROLLOUT_OFF);
        }
        if (serverUrl.isEmpty()) {
            problems.add("No hosted server is configured. Set SPEC_KITTY_SAAS_URL or [sync] server_url in config.toml.");
        }
        switch (auth) {
            case NOT_AUTHENTICATED -> problems.add("Not authenticated. Run `spec-kitty auth login`.");
            case REFRESH_EXPIRED -> problems.add(
                    "Both access and refresh tokens are expired. Run `spec-kitty auth login` to re-authenticate.");
            case UNREADABLE -> problems.add("The session file cannot be used. Run `spec-kitty auth doctor` for details.");
            case AUTHENTICATED -> { }
        }
        if (unreachable()) {
            problems.add("The configured SaaS host did not respond within 2 seconds. Check network connectivity to `"
                    + serverUrl.orElseThrow() + "` and retry.");
        }
        return problems;
    }

    /** Sync switched off is a choice, not a fault: the report says how to opt in and the doctor exits 0. */
    public boolean doctorFailed() {
        return syncEnabled && !problems().isEmpty();
    }
}

package dev.speckitty.application.tracker;

/** The tracker readiness gate's states, first failing one wins (docs/spec/behaviour.md §1.5). */
public enum Readiness {
    READY("", ""),
    ROLLOUT_DISABLED("Hosted SaaS sync is not enabled on this machine.", "Set `SPEC_KITTY_ENABLE_SAAS_SYNC=1` to opt in."),
    MISSING_AUTH("No SaaS authentication token is present.", "Run `spec-kitty auth login`."),
    MISSING_HOST_CONFIG("No SaaS host URL is configured.", "Set `SPEC_KITTY_SAAS_URL` in your environment."),
    HOST_UNREACHABLE("The configured SaaS host did not respond within 2 seconds.",
            "Check network connectivity to `{server_url}` and retry."),
    MISSING_MISSION_BINDING("No tracker binding exists for feature `{feature_slug}`.",
            "Run `spec-kitty tracker bind` from this repo.");

    private final String message;
    private final String nextAction;

    Readiness(String message, String nextAction) {
        this.message = message;
        this.nextAction = nextAction;
    }

    public String message(String featureSlug) {
        return message.replace("{feature_slug}", featureSlug == null ? "(unknown)" : featureSlug);
    }

    public String nextAction(String serverUrl) {
        return nextAction.replace("{server_url}", serverUrl == null ? "" : serverUrl);
    }
}

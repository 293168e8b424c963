package dev.speckitty.domain.hosted;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Why a piece of hosted work failed. The machine string and the action text are part of the
 * contract: human summaries and machine reports both render from this one enum.
 */
public enum FailureCategory {
    UNAUTHENTICATED("unauthenticated", "Run `spec-kitty auth login` to authenticate"),
    AUTH_EXPIRED("auth_expired", "Run `spec-kitty auth login` to refresh credentials"),
    DIRECT_INGRESS_MISSING_PRIVATE_TEAM(
            "direct_ingress_missing_private_team", "Private Teamspace access is required for direct ingress"),
    UNAUTHORIZED("unauthorized", null),
    RETRYABLE_TRANSPORT("retryable_transport", "Retry later or check network connectivity"),
    SERVER_ERROR("server_error", "Retry later or check server status"),
    SCHEMA_MISMATCH("schema_mismatch", "Run `spec-kitty sync diagnose` to inspect invalid events"),
    REFRESH_LOCK_TIMEOUT("refresh_lock_timeout", "Another spec-kitty process is refreshing; retry in a moment"),
    UNKNOWN("unknown", "Inspect the failure report for details: --report <file.json>");

    private final String machineName;
    private final String action;

    FailureCategory(String machineName, String action) {
        this.machineName = machineName;
        this.action = action;
    }

    /** The stable snake_case string used in JSON, reports and summaries. */
    public String machineName() {
        return machineName;
    }

    /** The remediation printed after {@code "  -- "}; absent for {@link #UNAUTHORIZED}. */
    public Optional<String> action() {
        return Optional.ofNullable(action);
    }

    private record Rule(FailureCategory category, List<String> keywords) {}

    // Order matters: the first category with a matching keyword wins (docs/spec/behaviour.md §1.2).
    private static final List<Rule> KEYWORD_RULES = List.of(
            new Rule(SCHEMA_MISMATCH, List.of("invalid", "schema", "field", "missing", "type")),
            new Rule(AUTH_EXPIRED, List.of("token", "expired", "unauthorized", "401")),
            new Rule(UNAUTHENTICATED, List.of("not authenticated", "no valid access token")),
            new Rule(DIRECT_INGRESS_MISSING_PRIVATE_TEAM, List.of(
                    "private teamspace", "private team", "direct ingress", "direct_ingress_missing_private_team")),
            new Rule(RETRYABLE_TRANSPORT, List.of("timeout", "connection", "network", "unreachable", "unavailable")),
            new Rule(SERVER_ERROR, List.of("internal", "500", "502", "503", "504", "server error")));

    /**
     * The keyword scan for free-text errors (per-event rejections, unmatched statuses). Paths that
     * know their category (no local session, a 403) set it explicitly instead: this scan would
     * misread them.
     */
    public static FailureCategory classifyText(String text) {
        if (text == null || text.isEmpty()) {
            return UNKNOWN;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (Rule rule : KEYWORD_RULES) {
            if (rule.keywords().stream().anyMatch(lower::contains)) {
                return rule.category();
            }
        }
        return UNKNOWN;
    }
}

package dev.speckitty.application.session;

import java.time.Duration;

/** The timing constants of the refresh contract (docs/spec/hosted-contract.md §5.4). */
public final class AuthTimings {

    /** An access token this close to expiry is refreshed before use. */
    public static final Duration REFRESH_BUFFER = Duration.ofSeconds(5);

    /** A persisted token this far from expiry may be adopted instead of refreshing. */
    public static final Duration ADOPT_BUFFER = Duration.ofSeconds(5);

    /** How long a process waits for another process's refresh before giving up. */
    public static final Duration LOCK_ACQUIRE_TIMEOUT = Duration.ofSeconds(10);

    /** A lock record older than this is stuck: its holder is presumed dead or hung. */
    public static final Duration STUCK_LOCK_THRESHOLD = Duration.ofSeconds(60);

    /** Access-token lifetime assumed when a refresh response omits {@code expires_in}. */
    public static final Duration DEFAULT_ACCESS_TOKEN_LIFETIME = Duration.ofHours(1);

    private AuthTimings() {}
}

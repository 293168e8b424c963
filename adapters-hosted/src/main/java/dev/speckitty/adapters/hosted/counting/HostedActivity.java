package dev.speckitty.adapters.hosted.counting;

/**
 * Told of the expensive hosted calls as they are made, for the {@code SPEC_KITTY_DEBUG_COUNTERS=1}
 * line (docs/performance.md): the refresh-token POST and {@code GET /api/v1/me}.
 */
public interface HostedActivity {

    void tokenRefresh();

    void membershipFetch();
}

package dev.speckitty.emulator.state;

/** What presenting a refresh token achieved. */
public sealed interface RefreshResult {

    /** The token was current: it is now spent and a new pair exists. */
    record Rotated(IssuedTokens tokens) implements RefreshResult {
    }

    /** The token was spent moments ago (inside the replay window): the caller should reload and retry. */
    record BenignReplay(int retryAfterSeconds) implements RefreshResult {
    }

    /** Unknown, spent, expired, revoked or someone else's token. */
    record Rejected(String description) implements RefreshResult {
    }
}

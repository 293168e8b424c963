package dev.speckitty.emulator.state;

/** What the emulator knows of a refresh token, for tests that check which token a client kept. */
public enum RefreshTokenState {
    /** The family's live refresh token: the next refresh with it rotates. */
    CURRENT,
    /** Already presented once and rotated away. */
    SPENT,
    /** Never issued here (or forgotten by a reset). */
    UNKNOWN
}

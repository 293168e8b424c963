package dev.speckitty.domain.session;

/**
 * Two sessions are the same iff both the session id and the refresh token are equal. A rotated
 * refresh token therefore makes a different (newer) session.
 */
public record SessionIdentity(String sessionId, Secret refreshToken) {}

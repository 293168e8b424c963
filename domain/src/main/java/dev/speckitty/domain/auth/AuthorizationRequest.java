package dev.speckitty.domain.auth;

import dev.speckitty.domain.session.Secret;

/**
 * One browser login attempt: the PKCE challenge (S256) and the CSRF state. The verifier and the
 * state stay in memory; only the challenge and state travel in the authorize URL.
 */
public record AuthorizationRequest(String redirectUri, String codeChallenge, Secret state, Secret codeVerifier) {}

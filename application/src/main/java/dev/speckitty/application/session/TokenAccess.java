package dev.speckitty.application.session;

import dev.speckitty.domain.session.Secret;
import dev.speckitty.domain.session.StoredSession;

/** A usable access token, or the reason there is none. */
public sealed interface TokenAccess {

    record Granted(Secret accessToken, StoredSession session) implements TokenAccess {}

    record Denied(AuthProblem problem) implements TokenAccess {}
}

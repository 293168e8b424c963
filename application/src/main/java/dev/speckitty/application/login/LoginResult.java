package dev.speckitty.application.login;

import dev.speckitty.domain.session.StoredSession;

/** How a login ended. Failure messages are safe to show and say what to do next. */
public sealed interface LoginResult {

    /** @param lockNote why the session was stored without the refresh lock, or null */
    record LoggedIn(StoredSession session, String lockNote) implements LoginResult {
        public LoggedIn(StoredSession session) {
            this(session, null);
        }
    }

    record AlreadyLoggedIn(StoredSession session) implements LoginResult {}

    record Failed(Reason reason, String message) implements LoginResult {}

    enum Reason {
        TIMED_OUT,
        CALLBACK_INVALID,
        DENIED,
        AUTHENTICATION_FAILED,
        DEVICE_FLOW_FAILED,
        STORAGE_UNREADABLE,
        /** The session the server granted could not be written; the grant was revoked (best effort). */
        STORAGE_UNWRITABLE,
        INTERRUPTED
    }
}

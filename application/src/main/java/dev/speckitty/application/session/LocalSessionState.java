package dev.speckitty.application.session;

import dev.speckitty.domain.session.SessionStorageException;
import dev.speckitty.domain.session.StoredSession;

/** What the durable store says about this machine's session, without any network. */
public sealed interface LocalSessionState {

    /** No session file. */
    record LoggedOut() implements LocalSessionState {}

    /** A session whose refresh token is not known to be expired (the access token may be). */
    record Active(StoredSession session) implements LocalSessionState {}

    /** A session whose refresh token has expired: the user must log in again. */
    record RefreshExpired(StoredSession session) implements LocalSessionState {}

    /** A session file exists but cannot be used; nothing was changed on disk. */
    record Unreadable(SessionStorageException problem) implements LocalSessionState {}
}

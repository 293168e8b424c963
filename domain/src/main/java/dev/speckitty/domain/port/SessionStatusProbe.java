package dev.speckitty.domain.port;

import dev.speckitty.domain.auth.ServerSessionStatus;
import dev.speckitty.domain.session.Secret;

/** Asks the hosted service whether the session is still active. Never throws. */
public interface SessionStatusProbe {

    ServerSessionStatus check(Secret accessToken);
}

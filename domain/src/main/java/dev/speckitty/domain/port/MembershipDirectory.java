package dev.speckitty.domain.port;

import dev.speckitty.domain.auth.AuthFlowException;
import dev.speckitty.domain.auth.Membership;
import dev.speckitty.domain.session.Secret;

/** Who the token belongs to and which teams they are in ({@code GET /api/v1/me}). */
public interface MembershipDirectory {

    Membership fetch(Secret accessToken) throws AuthFlowException;
}

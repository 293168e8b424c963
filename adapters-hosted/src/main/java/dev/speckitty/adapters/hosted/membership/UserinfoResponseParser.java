package dev.speckitty.adapters.hosted.membership;

import dev.speckitty.adapters.hosted.http.JsonBody;
import dev.speckitty.domain.auth.AuthFlowException;
import dev.speckitty.domain.auth.Membership;

/**
 * Validates an OpenID Connect userinfo body (OIDC Core §5.3): {@code sub} is the user id,
 * {@code email} and {@code name} the rest of the identity. Userinfo knows no teams.
 */
final class UserinfoResponseParser {

    private UserinfoResponseParser() {}

    static Membership parse(String text) {
        JsonBody body = JsonBody.parseObject(text)
                .orElseThrow(() -> new AuthFlowException("User info response must be a JSON object."));
        String userId = body.idText("sub").orElseThrow(() -> missing("sub"));
        String email = body.nonBlankString("email").orElseThrow(() -> missing("email"));
        return Membership.identityOnly(userId, email, body.nonBlankString("name").orElse(email));
    }

    private static AuthFlowException missing(String field) {
        return new AuthFlowException("User info response missing required field '" + field + "'.");
    }
}

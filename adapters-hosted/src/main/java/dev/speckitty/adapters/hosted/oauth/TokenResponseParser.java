package dev.speckitty.adapters.hosted.oauth;

import dev.speckitty.adapters.hosted.http.JsonBody;
import dev.speckitty.adapters.hosted.http.WireValues;
import dev.speckitty.domain.auth.AuthFlowException;
import dev.speckitty.domain.auth.TokenGrant;
import dev.speckitty.domain.session.Secret;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a 200 token-endpoint body into a {@link TokenGrant} (docs/spec/hosted-contract.md §2.4). Login grants
 * (code exchange and device flow alike) require access_token, refresh_token and expires_in; a
 * refresh requires only access_token. The spec-kitty fields (session_id, generation, refresh expiry)
 * are read when present: a standards server sends none of them (decision 16). Tokens must be RFC 6749
 * VSCHAR and the session id free of control characters: a CR/LF token would be sent in a header.
 * Problems become an {@link AuthFlowException}
 * whose message names fields, never values.
 */
public final class TokenResponseParser {

    private TokenResponseParser() {}

    /** A login grant: every required field validated, so the device flow cannot crash on a missing key. */
    public static TokenGrant login(JsonBody body) {
        List<String> missing = new ArrayList<>();
        Optional<String> access = body.nonBlankString("access_token");
        Optional<String> refresh = body.nonBlankString("refresh_token");
        Optional<String> sessionId = body.idText("session_id");
        if (access.isEmpty()) {
            missing.add("access_token");
        }
        if (refresh.isEmpty()) {
            missing.add("refresh_token");
        }
        if (!body.has("expires_in")) {
            missing.add("expires_in");
        }
        if (!missing.isEmpty()) {
            throw new AuthFlowException("Token response missing required fields: " + missing);
        }
        List<String> malformed = new ArrayList<>();
        if (!WireValues.isToken(access.get())) {
            malformed.add("access_token");
        }
        if (!WireValues.isToken(refresh.get())) {
            malformed.add("refresh_token");
        }
        if (sessionId.isPresent() && !WireValues.isIdentifier(sessionId.get())) {
            malformed.add("session_id");
        }
        if (!malformed.isEmpty()) {
            throw new AuthFlowException("Token response has malformed fields: " + malformed);
        }
        long expiresIn = TokenLifetimes.lifetime(body, "expires_in")
                .orElseThrow(() -> new AuthFlowException("Token response missing or invalid 'expires_in' field."));
        return new TokenGrant(
                Secret.of(access.get()),
                Secret.of(refresh.get()),
                expiresIn,
                refreshExpiresAt(body),
                TokenLifetimes.lifetime(body, "refresh_token_expires_in").orElse(null),
                body.nonBlankString("scope").orElse(null),
                sessionId.orElse(null), // absent from a standards server: the session gets a local id
                body.integer("generation").orElse(null));
    }

    /** A refresh grant: refresh_token optional (no rotation), expires_in optional but sane when present. */
    public static TokenGrant refresh(JsonBody body) {
        Optional<String> access = body.nonBlankString("access_token");
        if (access.isEmpty()) {
            throw new AuthFlowException("Refresh response missing 'access_token'");
        }
        Optional<String> refresh = body.nonBlankString("refresh_token");
        if (!WireValues.isToken(access.get()) || !refresh.map(WireValues::isToken).orElse(true)) {
            throw new AuthFlowException("Refresh response has a malformed token");
        }
        Long expiresIn = null;
        if (body.has("expires_in")) {
            expiresIn = TokenLifetimes.lifetime(body, "expires_in")
                    .orElseThrow(() -> new AuthFlowException("Refresh response has invalid 'expires_in'"));
        }
        return new TokenGrant(
                Secret.of(access.get()),
                refresh.map(Secret::of).orElse(null),
                expiresIn,
                refreshExpiresAt(body),
                TokenLifetimes.lifetime(body, "refresh_token_expires_in").orElse(null),
                body.nonBlankString("scope").orElse(null),
                null, // session_id is not read on refresh: the stored one is kept
                body.integer("generation").orElse(null));
    }

    private static Instant refreshExpiresAt(JsonBody body) {
        if (!body.has("refresh_token_expires_at")) {
            return null;
        }
        Optional<String> text = body.string("refresh_token_expires_at");
        if (text.isPresent() && text.get().isBlank()) {
            return null; // falsy, as the reference treats it
        }
        return text.flatMap(TokenLifetimes::isoInstant)
                .orElseThrow(() -> new AuthFlowException(TokenLifetimes.BAD_EXPIRES_AT));
    }
}

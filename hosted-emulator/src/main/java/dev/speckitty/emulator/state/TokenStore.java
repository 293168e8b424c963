package dev.speckitty.emulator.state;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sessions as token families with refresh-token rotation. One lock guards everything so that a
 * rotation (spend old, issue new) is atomic even when many processes refresh at once.
 */
public final class TokenStore {

    private final Clock clock;
    private final RuntimeSwitches switches;
    private final TokenGenerator generator;
    private final SecretLedger ledger;
    private final Map<String, Family> families = new HashMap<>();
    private final List<IssuedTokens> issued = new ArrayList<>();
    private final Map<String, AccessRecord> accessTokens = new HashMap<>();
    private final Map<String, RefreshRecord> refreshTokens = new HashMap<>();

    public TokenStore(Clock clock, RuntimeSwitches switches, TokenGenerator generator, SecretLedger ledger) {
        this.clock = clock;
        this.switches = switches;
        this.generator = generator;
        this.ledger = ledger;
    }

    public synchronized IssuedTokens openSession(NewSession request) {
        String sessionId = request.sessionId() != null ? request.sessionId() : generator.sessionId();
        if (families.containsKey(sessionId)) {
            throw new IllegalStateException("session " + sessionId + " already exists");
        }
        if (request.accessToken() != null && accessTokens.containsKey(request.accessToken())
                || request.refreshToken() != null && refreshTokens.containsKey(request.refreshToken())) {
            throw new IllegalStateException("a seeded token is already in use");
        }
        Family family = new Family(sessionId, request.userId(), request.clientId(), request.scope());
        families.put(sessionId, family);
        return issue(family, request.accessToken(), request.refreshToken(),
                request.accessTokenTtl(), request.refreshTokenTtl());
    }

    public synchronized RefreshResult refresh(String refreshToken, String clientId) {
        RefreshRecord presented = refreshTokens.get(refreshToken);
        if (presented == null) {
            return new RefreshResult.Rejected("Unknown refresh token.");
        }
        Family family = families.get(presented.sessionId());
        Instant now = clock.instant();
        if (family.revoked) {
            return new RefreshResult.Rejected("Refresh token has been revoked.");
        }
        if (presented.spentAt() != null) {
            return spentTokenPresented(presented, family, now);
        }
        if (!now.isBefore(presented.expiresAt())) {
            return new RefreshResult.Rejected("Refresh token has expired.");
        }
        if (!family.clientId.equals(clientId)) {
            return new RefreshResult.Rejected("Refresh token was issued to another client.");
        }
        refreshTokens.put(refreshToken, presented.spent(now));
        family.generation++;
        return new RefreshResult.Rotated(issue(family, null, null, null, null));
    }

    public synchronized AccessCheck checkAccess(String accessToken) {
        AccessRecord record = accessTokens.get(accessToken);
        if (record == null) {
            return new AccessCheck.Denied("invalid_token", "Unknown access token.");
        }
        Family family = families.get(record.sessionId());
        if (family.revoked) {
            return new AccessCheck.Denied("token_revoked", "The session has been revoked.");
        }
        if (!clock.instant().isBefore(record.expiresAt().plus(switches.accessTokenLeeway()))) {
            return new AccessCheck.Denied("access_token_expired", "The access token has expired.");
        }
        return new AccessCheck.Granted(family.snapshot());
    }

    /** RFC 7662: the access token's expiry while it is active (the leeway aside), else empty. */
    public synchronized java.util.Optional<java.time.Instant> activeAccessTokenExpiry(String accessToken) {
        if (!(checkAccess(accessToken) instanceof AccessCheck.Granted)) {
            return java.util.Optional.empty();
        }
        java.time.Instant expiresAt = accessTokens.get(accessToken).expiresAt();
        return clock.instant().isBefore(expiresAt) ? java.util.Optional.of(expiresAt) : java.util.Optional.empty();
    }

    /** RFC 7009: revoking either token of a family revokes the whole family. False when the token is unknown. */
    public synchronized boolean revoke(String token) {
        String sessionId = null;
        if (refreshTokens.containsKey(token)) {
            sessionId = refreshTokens.get(token).sessionId();
        } else if (accessTokens.containsKey(token)) {
            sessionId = accessTokens.get(token).sessionId();
        }
        return sessionId != null && revokeSession(sessionId);
    }

    public synchronized boolean revokeSession(String sessionId) {
        Family family = families.get(sessionId);
        if (family == null) {
            return false;
        }
        family.revoked = true;
        return true;
    }

    /** Makes every access token of the session expired now, as if its lifetime had run out. */
    public synchronized boolean expireAccessTokens(String sessionId) {
        if (!families.containsKey(sessionId)) {
            return false;
        }
        Instant now = clock.instant();
        accessTokens.replaceAll((token, record) ->
                record.sessionId().equals(sessionId) ? new AccessRecord(sessionId, now) : record);
        return true;
    }

    /** Whether {@code refreshToken} is its family's live token, a spent one, or unknown (expiry and revocation aside). */
    public synchronized RefreshTokenState refreshTokenState(String refreshToken) {
        RefreshRecord record = refreshTokens.get(refreshToken);
        if (record == null) {
            return RefreshTokenState.UNKNOWN;
        }
        return record.spentAt() == null ? RefreshTokenState.CURRENT : RefreshTokenState.SPENT;
    }

    public synchronized Optional<SessionSnapshot> session(String sessionId) {
        return Optional.ofNullable(families.get(sessionId)).map(Family::snapshot);
    }

    /** Every token pair issued so far (minted, by login, by rotation), in issue order. */
    public synchronized List<IssuedTokens> issued() {
        return List.copyOf(issued);
    }

    public synchronized void clear() {
        issued.clear();
        families.clear();
        accessTokens.clear();
        refreshTokens.clear();
    }

    private RefreshResult spentTokenPresented(RefreshRecord presented, Family family, Instant now) {
        Duration window = switches.replayWindow();
        if (!window.isZero() && now.isBefore(presented.spentAt().plus(window))) {
            return new RefreshResult.BenignReplay(switches.replayRetryAfterSeconds());
        }
        if (switches.revokeFamilyOnReuse()) {
            // OAuth security BCP: reuse of a rotated token may mean theft, so the whole family dies.
            family.revoked = true;
        }
        return new RefreshResult.Rejected("Refresh token has already been used.");
    }

    private IssuedTokens issue(Family family, String accessToken, String refreshToken,
                               Duration accessTtl, Duration refreshTtl) {
        Instant now = clock.instant();
        String access = accessToken != null ? accessToken : generator.accessToken();
        String refresh = refreshToken != null ? refreshToken : generator.refreshToken();
        Instant accessExpiresAt = now.plus(accessTtl != null ? accessTtl : switches.accessTokenTtl());
        Instant refreshExpiresAt = now.plus(refreshTtl != null ? refreshTtl : switches.refreshTokenTtl());
        accessTokens.put(access, new AccessRecord(family.sessionId, accessExpiresAt));
        refreshTokens.put(refresh, new RefreshRecord(family.sessionId, refreshExpiresAt, null));
        family.refreshExpiresAt = refreshExpiresAt;
        ledger.record(SecretKind.ACCESS_TOKEN, access);
        ledger.record(SecretKind.REFRESH_TOKEN, refresh);
        IssuedTokens tokens = new IssuedTokens(family.sessionId, family.userId, access, now, accessExpiresAt,
                refresh, refreshExpiresAt, family.scope, family.generation);
        issued.add(tokens);
        return tokens;
    }

    private record AccessRecord(String sessionId, Instant expiresAt) {
    }

    private record RefreshRecord(String sessionId, Instant expiresAt, Instant spentAt) {
        RefreshRecord spent(Instant at) {
            return new RefreshRecord(sessionId, expiresAt, at);
        }
    }

    /** A session: the token family that rotations extend. */
    private static final class Family {
        private final String sessionId;
        private final String userId;
        private final String clientId;
        private final String scope;
        private int generation = 1;
        private boolean revoked;
        private Instant refreshExpiresAt;

        Family(String sessionId, String userId, String clientId, String scope) {
            this.sessionId = sessionId;
            this.userId = userId;
            this.clientId = clientId;
            this.scope = scope;
        }

        SessionSnapshot snapshot() {
            return new SessionSnapshot(sessionId, userId, clientId, scope, generation, revoked, refreshExpiresAt);
        }
    }
}

package dev.speckitty.application.session;

import dev.speckitty.domain.auth.AuthorizationRequest;
import dev.speckitty.domain.auth.DeviceAuthorization;
import dev.speckitty.domain.auth.DevicePoll;
import dev.speckitty.domain.auth.RefreshResult;
import dev.speckitty.domain.auth.RevokeOutcome;
import dev.speckitty.domain.auth.TokenGrant;
import dev.speckitty.domain.port.AuthorizationServer;
import dev.speckitty.domain.session.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** Answers refresh grants from a script keyed by the refresh token sent; records every token sent. */
public class ScriptedAuthorizationServer implements AuthorizationServer {

    private final Map<String, Function<String, RefreshResult>> answers = new ConcurrentHashMap<>();
    public final List<String> refreshTokensSent = java.util.Collections.synchronizedList(new ArrayList<>());
    public final List<String> revoked = java.util.Collections.synchronizedList(new ArrayList<>());

    public ScriptedAuthorizationServer answer(String refreshToken, RefreshResult result) {
        answers.put(refreshToken, token -> result);
        return this;
    }

    public ScriptedAuthorizationServer answer(String refreshToken, Function<String, RefreshResult> behaviour) {
        answers.put(refreshToken, behaviour);
        return this;
    }

    @Override
    public RefreshResult refresh(Secret refreshToken) {
        String token = refreshToken.reveal();
        refreshTokensSent.add(token);
        Function<String, RefreshResult> answer = answers.get(token);
        return answer == null ? new RefreshResult.Rejected(RefreshResult.RejectionCause.REFRESH_TOKEN_EXPIRED)
                : answer.apply(token);
    }

    @Override
    public String authorizationUrl(AuthorizationRequest request) {
        throw new UnsupportedOperationException("not used by refresh tests");
    }

    @Override
    public boolean discovered() {
        return false;
    }

    @Override
    public DeviceAuthorization requestDeviceAuthorization() {
        throw new UnsupportedOperationException("not used by refresh tests");
    }

    @Override
    public DevicePoll pollDeviceToken(Secret deviceCode) {
        throw new UnsupportedOperationException("not used by refresh tests");
    }

    @Override
    public TokenGrant exchangeAuthorizationCode(Secret code, AuthorizationRequest request) {
        throw new UnsupportedOperationException("not used by refresh tests");
    }

    @Override
    public RevokeOutcome revoke(Secret refreshToken) {
        revoked.add(refreshToken.reveal());
        return RevokeOutcome.REVOKED;
    }
}

package dev.speckitty.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.emulator.state.MintedSession;
import org.junit.jupiter.api.Test;

class RevokeTest extends EmulatorTestBase {

    @Test
    void revokingTheRefreshTokenEndsTheWholeSession() throws Exception {
        MintedSession session = emulator.mintSession();

        Reply revoke = http.postForm("/oauth/revoke",
                Http.form("token", session.refreshToken(), "token_type_hint", "refresh_token"));

        assertThat(revoke.status()).isEqualTo(200);
        assertThat(revoke.json()).containsEntry("revoked", true);
        Reply refresh = refresh(session.refreshToken());
        assertThat(refresh.status()).isEqualTo(400);
        assertThat(refresh.text("error")).isEqualTo("invalid_grant");
        Reply me = me(session.accessToken());
        assertThat(me.status()).isEqualTo(401);
        assertThat(me.text("error")).isEqualTo("token_revoked");
        assertThat(http.get("/api/v1/session-status", "Authorization", Http.bearer(session.accessToken())).status())
                .isEqualTo(401);
    }

    @Test
    void revokingIsIdempotentAndAnUnknownTokenIsStill200ButNotRevoked() throws Exception {
        MintedSession session = emulator.mintSession();
        http.postForm("/oauth/revoke", Http.form("token", session.refreshToken(), "token_type_hint", "refresh_token"));

        assertThat(http.postForm("/oauth/revoke", Http.form("token", session.refreshToken(),
                "token_type_hint", "refresh_token")).json()).containsEntry("revoked", true);
        Reply unknown = http.postForm("/oauth/revoke", Http.form("token", "rt_unknown", "token_type_hint", "refresh_token"));
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.json()).containsEntry("revoked", false);
    }

    @Test
    void anAccessTokenAlsoRevokesItsFamily() throws Exception {
        MintedSession session = emulator.mintSession();
        http.postForm("/oauth/revoke", Http.form("token", session.accessToken(), "token_type_hint", "access_token"));
        assertThat(refresh(session.refreshToken()).text("error")).isEqualTo("invalid_grant");
    }

    @Test
    void aRevokeWithoutTokenIsInvalidRequest() throws Exception {
        Reply reply = http.postForm("/oauth/revoke", Http.form("token_type_hint", "refresh_token"));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text("error")).isEqualTo("invalid_request");
    }
}

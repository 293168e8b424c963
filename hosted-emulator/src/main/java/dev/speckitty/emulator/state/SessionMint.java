package dev.speckitty.emulator.state;

/** Opens sessions on a test's request, registering the seed's user so {@code /api/v1/me} knows them. */
public final class SessionMint {

    private static final String DEFAULT_CLIENT_ID = "cli_native";
    private static final String DEFAULT_SCOPE = "offline_access";

    private final UserDirectory users;
    private final TokenStore tokens;

    public SessionMint(UserDirectory users, TokenStore tokens) {
        this.users = users;
        this.tokens = tokens;
    }

    public MintedSession mint(SessionSeed seed) {
        User user = seed.user() != null ? seed.user() : users.signedInUser();
        users.upsert(user);
        IssuedTokens issued = tokens.openSession(new NewSession(
                user.userId(),
                seed.clientId() != null ? seed.clientId() : DEFAULT_CLIENT_ID,
                seed.scope() != null ? seed.scope() : DEFAULT_SCOPE,
                seed.sessionId(), seed.accessToken(), seed.refreshToken(),
                seed.accessTokenTtl(), seed.refreshTokenTtl()));
        return new MintedSession(issued, user);
    }
}

package dev.speckitty.emulator.state;

/** A minted session: its tokens and the user (with teams) a client stores alongside them. */
public record MintedSession(IssuedTokens tokens, User user) {

    public String sessionId() {
        return tokens.sessionId();
    }

    public String accessToken() {
        return tokens.accessToken();
    }

    public String refreshToken() {
        return tokens.refreshToken();
    }

    @Override
    public String toString() {
        return "MintedSession[session=" + tokens.sessionId() + "]";
    }
}

package dev.speckitty.emulator.state;

/** A validated authorization-code request waiting for (or past) the user's decision. */
public record AuthorizationRequest(
        String clientId, String redirectUri, String scope, String codeChallenge, String state) {

    @Override
    public String toString() {
        return "AuthorizationRequest[client=" + clientId + "]";
    }
}

package dev.speckitty.emulator.state;

/** The kinds of secret a client must never print, log or write outside its encrypted session. */
public enum SecretKind {
    ACCESS_TOKEN,
    REFRESH_TOKEN,
    AUTHORIZATION_CODE,
    DEVICE_CODE,
    /** Received, not issued: the PKCE verifier a client presents when it exchanges an authorization code. */
    CODE_VERIFIER
}

package dev.speckitty.emulator.web;

/**
 * Where the OAuth endpoints live. The spec-kitty defaults are /oauth/*; with extensions off the
 * emulator serves only standard-looking /oauth2/* paths, so a client that works must have used discovery.
 */
public record OAuthPaths(String authorize, String token, String device, String revoke) {

    public static final OAuthPaths SPEC_KITTY = new OAuthPaths(
            "/oauth/authorize", "/oauth/token", "/oauth/device", "/oauth/revoke");
    public static final OAuthPaths STANDARD = new OAuthPaths(
            "/oauth2/authorize", "/oauth2/token", "/oauth2/device_authorization", "/oauth2/revoke");

    public static OAuthPaths active(boolean standardOnly) {
        return standardOnly ? STANDARD : SPEC_KITTY;
    }
}

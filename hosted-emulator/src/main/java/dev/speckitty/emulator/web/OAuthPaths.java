package dev.speckitty.emulator.web;

/**
 * Where the OAuth endpoints live. The spec-kitty defaults are /oauth/*; with extensions off the
 * emulator serves only standard-looking /oauth2/* paths, so a client that works must have used discovery.
 * That strict server also sends RFC fields only (see docs/emulator.md).
 */
public record OAuthPaths(String authorize, String token, String device, String revoke) {

    public static final OAuthPaths SPEC_KITTY = new OAuthPaths(
            "/oauth/authorize", "/oauth/token", "/oauth/device", "/oauth/revoke");
    public static final OAuthPaths STANDARD = new OAuthPaths(
            "/oauth2/authorize", "/oauth2/token", "/oauth2/device_authorization", "/oauth2/revoke");
    /** RFC 7662 introspection: only the strict standards-only server has it (spec-kitty has session-status). */
    public static final String INTROSPECT = "/oauth2/introspect";
    /** OpenID Connect userinfo: only the strict standards-only server has it. */
    public static final String USERINFO = "/oauth2/userinfo";

    public static OAuthPaths active(boolean standardOnly) {
        return standardOnly ? STANDARD : SPEC_KITTY;
    }
}

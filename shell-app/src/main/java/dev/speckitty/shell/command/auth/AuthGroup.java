package dev.speckitty.shell.command.auth;

/** Shared names of the auth command group. */
final class AuthGroup {

    static final String NAME = "Authentication";
    static final String JSON = "json";
    static final String LOGIN_HINT = "  Run spec-kitty auth login to authenticate.";
    static final String UNTOUCHED_HINT =
            "  The session file was left untouched. Fix the problem above, or run spec-kitty auth login --force to replace it.";

    private AuthGroup() {}
}

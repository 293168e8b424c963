package dev.speckitty.emulator.state;

/** Whether a bearer access token is good right now. */
public sealed interface AccessCheck {

    record Granted(SessionSnapshot session) implements AccessCheck {
    }

    /** {@code error} is an RFC 6750 / docs/spec/hosted-contract.md §2.10 code such as {@code invalid_token}. */
    record Denied(String error, String description) implements AccessCheck {
    }
}

package dev.speckitty.domain.auth;

/** One poll of the token endpoint with a device code (RFC 8628 §3.5). */
public sealed interface DevicePoll {

    record Granted(TokenGrant grant) implements DevicePoll {}

    record Pending() implements DevicePoll {}

    record SlowDown() implements DevicePoll {}

    record Denied(String message) implements DevicePoll {}

    record Expired(String message) implements DevicePoll {}

    /** An unexpected answer; polling stops. */
    record Failed(String message) implements DevicePoll {}

    /** A network failure; polling goes on. */
    record TransportFailed(String message) implements DevicePoll {}
}

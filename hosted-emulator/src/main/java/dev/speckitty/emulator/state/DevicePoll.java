package dev.speckitty.emulator.state;

/** What a device-code poll on the token endpoint found (RFC 8628 §3.5). */
public sealed interface DevicePoll {

    record Pending() implements DevicePoll {
    }

    /** Polled sooner than the interval allows; the interval for this code has grown by 5 s. */
    record SlowDown() implements DevicePoll {
    }

    record Denied() implements DevicePoll {
    }

    record Expired() implements DevicePoll {
    }

    record Approved(String userId, String clientId, String scope) implements DevicePoll {
    }

    /** Unknown, someone else's, or already exchanged for tokens. */
    record Unknown() implements DevicePoll {
    }
}

package dev.speckitty.emulator.state;

/** What presenting an authorization code found. */
public sealed interface CodeRedemption {

    record Fresh(AuthorizationRequest request, String userId) implements CodeRedemption {
    }

    /** Already presented once; {@code sessionId} is what the first redemption produced, if anything. */
    record Replayed(String sessionId) implements CodeRedemption {
    }

    record Expired() implements CodeRedemption {
    }

    record Unknown() implements CodeRedemption {
    }
}

package dev.speckitty.emulator.state;

import java.time.Instant;
import java.util.Objects;

/** One secret the emulator issued or was shown, and when. */
public record ObservedSecret(SecretKind kind, String value, Instant observedAt) {

    public ObservedSecret {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(observedAt, "observedAt");
    }

    @Override
    public String toString() {
        // A failing leak assertion prints this: the kind and a short prefix identify the secret, the value stays out.
        return "ObservedSecret[" + kind + " " + value.substring(0, Math.min(6, value.length())) + "…, " + observedAt + "]";
    }
}

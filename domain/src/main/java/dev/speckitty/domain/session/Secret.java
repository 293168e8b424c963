package dev.speckitty.domain.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * Token material (access token, refresh token, code verifier, device code, authorization code).
 *
 * <p>The value is reachable only through {@link #reveal()}, a name no serializer, logger or
 * template treats as a property. {@code toString()} never shows it, and there are no bean
 * getters for a JSON mapper to find.
 */
public final class Secret {

    private static final String REDACTED = "Secret[redacted]";

    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "secret value");
    }

    public static Secret of(String value) {
        return new Secret(value);
    }

    /** The raw value, for the one place that must send or store it. */
    public String reveal() {
        return value;
    }

    public boolean isBlank() {
        return value.isBlank();
    }

    /** Constant-time comparison: identity checks on tokens must not leak timing. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Secret that
                && MessageDigest.isEqual(
                        value.getBytes(StandardCharsets.UTF_8), that.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return 0; // a hash derived from the value would be a (weak) token fingerprint
    }

    @Override
    public String toString() {
        return REDACTED;
    }
}

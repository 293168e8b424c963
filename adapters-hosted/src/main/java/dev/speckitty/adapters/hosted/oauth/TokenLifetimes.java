package dev.speckitty.adapters.hosted.oauth;

import dev.speckitty.adapters.hosted.http.JsonBody;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads token lifetimes and expiry timestamps, rejecting absurd values instead of trusting them. */
public final class TokenLifetimes {

    /** Longer than any sane token lifetime; beyond it a value is treated as garbage. */
    public static final long MAX_LIFETIME_SECONDS = Duration.ofDays(3653).toSeconds();

    public static final String BAD_EXPIRES_AT =
            "Refresh token expiry field 'refresh_token_expires_at' must be an ISO-8601 timestamp.";

    private TokenLifetimes() {}

    /** Whether a present {@code field} holds a sane lifetime: an integer from 0 to 10 years. */
    static Optional<Long> lifetime(JsonBody body, String field) {
        return body.integer(field).filter(s -> s >= 0 && s <= MAX_LIFETIME_SECONDS);
    }

    /**
     * Parses an ISO-8601 timestamp with {@code Z} or an offset (a bare local time is read as UTC,
     * as the reference stores it verbatim). Empty when unparseable.
     */
    public static Optional<Instant> isoInstant(String text) {
        String value = text.strip();
        try {
            return Optional.of(OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
        } catch (DateTimeParseException notOffset) {
            // fall through to a local timestamp
        }
        try {
            return Optional.of(LocalDateTime.parse(value, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException notIso) {
            return Optional.empty();
        }
    }
}

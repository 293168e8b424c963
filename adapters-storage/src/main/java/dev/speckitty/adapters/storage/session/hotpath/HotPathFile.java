package dev.speckitty.adapters.storage.session.hotpath;

import dev.speckitty.adapters.storage.session.codec.IsoTimestamps;
import dev.speckitty.adapters.storage.session.codec.StrictJson.JsonNumber;
import dev.speckitty.adapters.storage.session.codec.StrictJson.MalformedJsonException;
import dev.speckitty.adapters.storage.session.codec.StrictJson;
import dev.speckitty.adapters.storage.session.AuthFiles;
import dev.speckitty.adapters.storage.files.OwnerOnlyFiles;
import dev.speckitty.domain.port.SessionHotPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * {@code session.hot-path.json} (docs/spec/behaviour.md §5.2): a token-free summary of the durable session,
 * keys exactly {@code durable_fingerprint, generated_at, max_age_seconds,
 * refresh_token_expires_at, schema_version}. Publishing is best effort; loading re-checks the
 * durable file's fingerprint at that moment and treats every doubt as a miss.
 */
public final class HotPathFile implements SessionHotPath {

    public static final String DISABLE_VARIABLE = "SPEC_KITTY_DISABLE_SESSION_HOT_PATH";
    static final double MAX_AGE_SECONDS = 30.0;
    private static final int MAX_BYTES = 4096;
    private static final System.Logger LOG = System.getLogger(HotPathFile.class.getName());

    private final AuthFiles files;
    private final Clock clock;

    public HotPathFile(AuthFiles files, Clock clock) {
        this.files = files;
        this.clock = clock;
    }

    /** Never throws: a failed publish costs the next process one durable read, nothing more. */
    public void publish(DurableFingerprint fingerprint, Instant refreshTokenExpiresAt) {
        // Written by hand, keys in the reference's order: every durable read republishes the record,
        // and Jackson's start-up would cost that read about 60 ms of CPU (docs/performance.md).
        String record = "{\"durable_fingerprint\":{\"inode\":" + fingerprint.inode()
                + ",\"mtime_ns\":" + fingerprint.mtimeNs() + ",\"size\":" + fingerprint.size() + "}"
                + ",\"generated_at\":" + decimalSeconds(clock.instant())
                + ",\"max_age_seconds\":" + MAX_AGE_SECONDS
                + ",\"refresh_token_expires_at\":" + (refreshTokenExpiresAt == null ? "null"
                        : StrictJson.quote(IsoTimestamps.format(refreshTokenExpiresAt)))
                + ",\"schema_version\":1}";
        try {
            OwnerOnlyFiles.replaceAtomically(files.hotPath(), files.hotPathTemporary(),
                    record.getBytes(StandardCharsets.UTF_8));
        } catch (IOException unpublished) {
            LOG.log(System.Logger.Level.DEBUG, "hot path not published ({0})", unpublished.getClass().getSimpleName());
        }
    }

    /** Plain decimal seconds with microseconds, as Python's time.time() renders: 1796572800.123456. */
    static String decimalSeconds(Instant instant) {
        String micros = Integer.toString(instant.getNano() / 1000);
        return instant.getEpochSecond() + "." + "0".repeat(6 - micros.length()) + micros;
    }

    @Override
    public Optional<Summary> loadFresh() {
        return readDocument().flatMap(this::summaryOf);
    }

    private Optional<Summary> summaryOf(Map<?, ?> root) {
        OptionalLong schemaVersion = integer(root.get("schema_version"));
        OptionalDouble generatedAt = number(root.get("generated_at"));
        OptionalDouble maxAgeSeconds = number(root.get("max_age_seconds"));
        if (schemaVersion.orElse(0) != 1 || generatedAt.isEmpty() || maxAgeSeconds.isEmpty()
                || !(root.get("durable_fingerprint") instanceof Map<?, ?> print)) {
            return Optional.empty();
        }
        OptionalLong inode = integer(print.get("inode"));
        OptionalLong mtimeNs = integer(print.get("mtime_ns"));
        OptionalLong size = integer(print.get("size"));
        if (inode.isEmpty() || mtimeNs.isEmpty() || size.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        double age = epochSeconds(now) - generatedAt.getAsDouble();
        double maxAge = Math.min(maxAgeSeconds.getAsDouble(), MAX_AGE_SECONDS);
        if (age < 0 || age > maxAge) {
            return Optional.empty(); // from the future (clock skew), or too old
        }
        DurableFingerprint expected = new DurableFingerprint(inode.getAsLong(), mtimeNs.getAsLong(), size.getAsLong());
        if (!DurableFingerprint.of(files.session()).map(expected::equals).orElse(false)) {
            return Optional.empty(); // the durable file changed or vanished since publication
        }
        Optional<Optional<Instant>> refreshExpiry = refreshExpiry(root.get("refresh_token_expires_at"));
        return refreshExpiry.map(expiry -> new Summary(
                Instant.ofEpochSecond(0).plus(Duration.ofNanos((long) (generatedAt.getAsDouble() * 1e9))),
                expiry.orElse(null)));
    }

    /** The record as a JSON object, or empty when it is missing, unreadable or not a JSON object. */
    private Optional<Map<?, ?>> readDocument() {
        try {
            byte[] bytes = OwnerOnlyFiles.readNoFollow(files.hotPath(), MAX_BYTES);
            return StrictJson.parse(new String(bytes, StandardCharsets.UTF_8)) instanceof Map<?, ?> root
                    ? Optional.of(root) : Optional.empty();
        } catch (IOException | MalformedJsonException unreadable) {
            return Optional.empty();
        }
    }

    /** Outer empty: unparseable or naive (a miss). Inner empty: null, "never known to expire". */
    private static Optional<Optional<Instant>> refreshExpiry(Object value) {
        if (value == null) {
            return Optional.of(Optional.empty());
        }
        if (!(value instanceof String text)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Optional.of(OffsetDateTime.parse(text).toInstant()));
        } catch (DateTimeParseException naiveOrMalformed) {
            return Optional.empty();
        }
    }

    private static OptionalDouble number(Object value) {
        return value instanceof JsonNumber number ? OptionalDouble.of(number.doubleValue()) : OptionalDouble.empty();
    }

    /** An integer that fits a long: 2^63 or more could never be an inode, mtime or size. */
    private static OptionalLong integer(Object value) {
        return value instanceof JsonNumber number ? number.longValue() : OptionalLong.empty();
    }

    /** Seconds since the epoch as a double, as Python's time.time(); a few hundred ns off at most. */
    private static double epochSeconds(Instant instant) {
        return instant.getEpochSecond() + instant.getNano() / 1e9;
    }
}

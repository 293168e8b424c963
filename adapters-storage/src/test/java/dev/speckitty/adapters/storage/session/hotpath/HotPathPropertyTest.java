package dev.speckitty.adapters.storage.session.hotpath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.speckitty.adapters.storage.session.AuthFiles;
import dev.speckitty.adapters.storage.support.Generate;
import dev.speckitty.domain.port.SessionHotPath.Summary;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The hot-path handoff over generated input (docs/spec/behaviour.md §5.2): whatever the file holds (random
 * bytes, JSON of every shape and type, boundary ages, huge numbers, naive or odd expiries) loading
 * never throws, and it is a hit exactly when an independent reading of the miss rules says so;
 * published handoffs for generated expiries and ages round-trip.
 */
class HotPathPropertyTest {

    private static final int CONTENTS = 400;
    private static final int HANDOFFS = 100;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant NOW = Instant.parse("2026-04-09T13:37:00.123456Z");
    private static final AtomicInteger HITS = new AtomicInteger();
    private static final AtomicInteger MISSES = new AtomicInteger();

    @TempDir
    static Path home;

    private static AuthFiles files;
    private static DurableFingerprint durable;

    @BeforeAll
    static void aDurableSessionFile() throws Exception {
        files = new AuthFiles(Files.createDirectories(home.resolve("auth")));
        Files.write(files.session(), new byte[] {'{', '}'});
        Files.setPosixFilePermissions(files.session(), PosixFilePermissions.fromString("rw-------"));
        durable = DurableFingerprint.of(files.session()).orElseThrow();
    }

    @AfterAll
    static void printTheFigures() {
        System.out.println("hot-path contents: " + HITS + " hits, " + MISSES + " misses, 0 exceptions");
    }

    record Content(int index, byte[] bytes) {
        @Override
        public String toString() {
            return "content " + index;
        }
    }

    record Handoff(int index, Instant refreshExpiry, double ageSeconds) {
        @Override
        public String toString() {
            return "handoff " + index + " (age " + ageSeconds + " s)";
        }
    }

    static Stream<Content> contents() {
        Random random = Generate.random("hot-path contents");
        return IntStream.range(0, CONTENTS).mapToObj(i -> new Content(i, content(random)));
    }

    static Stream<Handoff> handoffs() {
        Random random = Generate.random("hot-path handoffs");
        return IntStream.range(0, HANDOFFS).mapToObj(i -> new Handoff(i,
                random.nextInt(4) == 0 ? null : Generate.instant(random).plusNanos(random.nextInt(1000)),
                random.nextInt(5) == 0 ? Generate.oneOf(random, List.of(0.0, 0.000001, 29.999, 29.9999)) : random.nextDouble() * 29.9));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contents")
    void anyContentIsAMissUnlessEveryRuleHoldsAndNeverAnException(Content content) throws Exception {
        Files.write(files.hotPath(), content.bytes());
        Files.setPosixFilePermissions(files.hotPath(), PosixFilePermissions.fromString("rw-------"));

        Optional<Summary> loaded = new HotPathFile(files, Clock.fixed(NOW, ZoneOffset.UTC)).loadFresh();

        Optional<Instant> expectedExpiry = independentlyExpected(content.bytes());
        String shown = new String(content.bytes(), StandardCharsets.UTF_8);
        if (expectedExpiry == null) {
            assertThat(loaded).as("a miss for %s", shown).isEmpty();
            MISSES.incrementAndGet();
        } else {
            assertThat(loaded).as("a hit for %s", shown).isPresent();
            assertThat(Optional.ofNullable(loaded.get().refreshTokenExpiresAt())).isEqualTo(expectedExpiry);
            HITS.incrementAndGet();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("handoffs")
    void aPublishedHandoffRoundTrips(Handoff handoff) throws Exception {
        Instant published = NOW.minusNanos((long) (handoff.ageSeconds() * 1e9)).truncatedTo(ChronoUnit.MICROS);
        new HotPathFile(files, Clock.fixed(published, ZoneOffset.UTC)).publish(durable, handoff.refreshExpiry());

        Optional<Summary> loaded = new HotPathFile(files, Clock.fixed(NOW, ZoneOffset.UTC)).loadFresh();

        assertThat(loaded).as("a fresh handoff of the current file is a hit").isPresent();
        assertThat(loaded.get().refreshTokenExpiresAt()).isEqualTo(handoff.refreshExpiry() == null ? null
                : handoff.refreshExpiry().truncatedTo(ChronoUnit.MICROS));
        assertThat(Duration.between(published, loaded.get().generatedAt()).abs().toNanos())
                .as("generated_at survives as epoch seconds with microseconds").isLessThan(5_000);
        assertThat(Files.readString(files.hotPath())).doesNotContain("SENTINEL", "@");

        Files.write(files.session(), new byte[] {'{', ' ', '}'}); // the durable file changed: a miss now
        try {
            assertThat(new HotPathFile(files, Clock.fixed(NOW, ZoneOffset.UTC)).loadFresh()).isEmpty();
        } finally {
            Files.write(files.session(), new byte[] {'{', '}'});
            Files.setLastModifiedTime(files.session(), java.nio.file.attribute.FileTime.from(durable.mtimeNs(),
                    java.util.concurrent.TimeUnit.NANOSECONDS));
        }
    }

    // ---------------------------------------------------------------------------- the generator

    private static byte[] content(Random random) {
        return switch (random.nextInt(10)) {
            case 0 -> {
                byte[] bytes = new byte[random.nextInt(5) == 0 ? 4000 + random.nextInt(2000) : random.nextInt(64)];
                random.nextBytes(bytes);
                yield bytes;
            }
            case 1 -> JSON.writeValueAsBytes(Generate.json(random, 3));
            case 2 -> {
                String text = JSON.writeValueAsString(handoff(random));
                yield text.substring(0, random.nextInt(text.length())).getBytes(StandardCharsets.UTF_8);
            }
            default -> JSON.writeValueAsBytes(handoff(random));
        };
    }

    /** A handoff for the real file, near the age limits, with 0-2 fields replaced, removed or retyped. */
    private static ObjectNode handoff(Random random) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode print = root.putObject("durable_fingerprint");
        print.put("inode", durable.inode());
        print.put("mtime_ns", durable.mtimeNs());
        print.put("size", durable.size());
        double age = Generate.oneOf(random, List.of(0.0, 0.5, 29.99, 30.01, -0.01, -1e-6, 1e-6, 600.0, 29.0));
        root.put("generated_at", epochSeconds(NOW).subtract(BigDecimal.valueOf(age)));
        root.put("max_age_seconds", Generate.oneOf(random, List.of(30.0, 30.0, 5.0, 0.0, -1.0, 600.0, 1e308)));
        switch (random.nextInt(4)) {
            case 0 -> root.putNull("refresh_token_expires_at");
            case 1 -> root.put("refresh_token_expires_at", Generate.oneOf(random, List.of("2026-12-01T00:00:00",
                    "2026-12-01T00:00:00+00:00", "2026-12-01T00:00:00Z", "2026-12-01T00:00:00.5-07:00", "soon", "",
                    "2026-02-30T00:00:00+00:00", "+999999999-12-31T23:59:59+18:00")));
            case 2 -> { } // absent: null, "never known to expire"
            default -> root.put("refresh_token_expires_at", "2026-05-09T13:37:00.5+00:00");
        }
        root.put("schema_version", 1);
        for (int n = random.nextInt(3); n > 0; n--) {
            ObjectNode target = random.nextInt(3) == 0 ? print : root;
            List<String> names = List.copyOf(target.propertyNames());
            String field = Generate.oneOf(random, names);
            switch (random.nextInt(4)) {
                case 0 -> target.remove(field);
                case 1 -> target.set(field, Generate.json(random, 1));
                case 2 -> target.put(field, Generate.oneOf(random, List.of(new BigInteger("1" + "0".repeat(30)),
                        BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE), BigInteger.valueOf(-1), new BigInteger("9".repeat(400)))));
                default -> target.put(field, Generate.oneOf(random, List.of(1e300, -1e300, 1.5, Double.MIN_VALUE)));
            }
        }
        return root;
    }

    // ---------------------------------------------------- the rules, read independently of HotPathFile

    /** Null for a miss; else the expected refresh expiry (empty: null or absent). */
    private static Optional<Instant> independentlyExpected(byte[] bytes) {
        JsonNode root;
        try {
            root = JSON.readTree(StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString());
        } catch (RuntimeException | java.nio.charset.CharacterCodingException notJson) {
            return null;
        }
        if (bytes.length > 4096 || root == null || !root.isObject()) {
            return null;
        }
        JsonNode print = root.get("durable_fingerprint");
        if (!exactly(root.get("schema_version"), BigInteger.ONE) || !number(root.get("generated_at"))
                || !number(root.get("max_age_seconds")) || print == null || !print.isObject()
                || !exactly(print.get("inode"), BigInteger.valueOf(durable.inode()))
                || !exactly(print.get("mtime_ns"), BigInteger.valueOf(durable.mtimeNs()))
                || !exactly(print.get("size"), BigInteger.valueOf(durable.size()))) {
            return null;
        }
        BigDecimal age = epochSeconds(NOW).subtract(root.get("generated_at").decimalValue());
        BigDecimal maxAge = root.get("max_age_seconds").decimalValue().min(BigDecimal.valueOf(30));
        if (age.signum() < 0 || age.compareTo(maxAge) > 0) {
            return null;
        }
        JsonNode expiry = root.get("refresh_token_expires_at");
        if (expiry == null || expiry.isNull()) {
            return Optional.empty();
        }
        if (!expiry.isString()) {
            return null;
        }
        try {
            return Optional.of(OffsetDateTime.parse(expiry.asString()).toInstant()); // naive → no offset → miss
        } catch (DateTimeParseException naiveOrMalformed) {
            return null;
        }
    }

    /** A number a double can hold; a larger one (a 400-digit integer) is a doubt, so a miss. */
    private static boolean number(JsonNode node) {
        return node != null && node.isNumber() && Double.isFinite(node.decimalValue().doubleValue());
    }

    private static boolean exactly(JsonNode node, BigInteger value) {
        return node != null && node.isIntegralNumber() && node.bigIntegerValue().equals(value);
    }

    private static BigDecimal epochSeconds(Instant instant) {
        return BigDecimal.valueOf(instant.getEpochSecond()).add(BigDecimal.valueOf(instant.getNano(), 9));
    }
}

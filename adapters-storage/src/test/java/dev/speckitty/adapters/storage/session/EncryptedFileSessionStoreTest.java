package dev.speckitty.adapters.storage.session;

import static dev.speckitty.adapters.storage.support.TestSessions.PASSPHRASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.speckitty.adapters.storage.support.TestSessions;
import dev.speckitty.domain.port.SessionStore;
import dev.speckitty.domain.session.StoredSession;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EncryptedFileSessionStoreTest {

    @TempDir
    Path home;

    private Path authDir() {
        return home.resolve("auth");
    }

    private EncryptedFileSessionStore store() {
        return EncryptedFileSessionStore.withPassphrase(authDir(), PASSPHRASE);
    }

    /** A store on this test's files whose durable reads and key derivations are counted. */
    private EncryptedFileSessionStore countedStore(CountedActivity activity) {
        return new EncryptedFileSessionStore(authDir(), PASSPHRASE, java.time.Duration.ofSeconds(10), activity);
    }

    private static final class CountedActivity implements StorageActivity {
        final java.util.concurrent.atomic.AtomicInteger durableReads = new java.util.concurrent.atomic.AtomicInteger();
        final java.util.concurrent.atomic.AtomicInteger keyDerivations = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public void durableRead() {
            durableReads.incrementAndGet();
        }

        @Override
        public void keyDerived() {
            keyDerivations.incrementAndGet();
        }
    }

    @Test
    void roundTripsEveryField() {
        StoredSession session = TestSessions.sample("rt");
        store().write(session);

        StoredSession read = store().read().orElseThrow();

        assertThat(read).isEqualTo(session);
        assertThat(read.accessToken().reveal()).isEqualTo(session.accessToken().reveal());
        assertThat(read.refreshToken().reveal()).isEqualTo(session.refreshToken().reveal());
        assertThat(read.teams()).containsExactlyElementsOf(session.teams());
        assertThat(read.issuedAt()).isEqualTo(session.issuedAt());
        assertThat(read.refreshTokenExpiresAt()).isEqualTo(session.refreshTokenExpiresAt());
        assertThat(read.generation()).isEqualTo(7L);
    }

    @Test
    void readIfChangedReadsOnlyWhenAnotherWriterReplacedTheFile() {
        CountedActivity activity = new CountedActivity();
        EncryptedFileSessionStore waiter = countedStore(activity);
        java.util.concurrent.atomic.AtomicInteger durableReads = activity.durableReads;
        EncryptedFileSessionStore holder = store(); // another process's store on the same files
        holder.write(TestSessions.sample("first"));

        assertThat(waiter.readIfChanged()).as("never read before: reads").contains(TestSessions.sample("first"));
        assertThat(waiter.readIfChanged()).as("the same file").isEmpty();
        assertThat(waiter.readIfChanged()).isEmpty();
        assertThat(durableReads).as("unchanged: a stat, no read").hasValue(1);

        holder.write(TestSessions.sample("rotated"));
        assertThat(waiter.readIfChanged()).contains(TestSessions.sample("rotated"));
        assertThat(waiter.readIfChanged()).isEmpty();
        assertThat(durableReads).hasValue(2);

        waiter.write(TestSessions.sample("own-write"));
        assertThat(waiter.readIfChanged()).as("its own write is what it last saw").isEmpty();

        holder.delete();
        assertThat(waiter.readIfChanged()).as("gone").isEmpty();
        holder.write(TestSessions.sample("after-login"));
        assertThat(waiter.readIfChanged()).contains(TestSessions.sample("after-login"));
        assertThat(durableReads).hasValue(3);
    }

    @Test
    void oneStoreDerivesItsKeyOncePerSaltSoARefreshDoesNoScryptUnderTheLock() {
        CountedActivity activity = new CountedActivity();
        EncryptedFileSessionStore counted = countedStore(activity);
        java.util.concurrent.atomic.AtomicInteger derivations = activity.keyDerivations;
        store().write(TestSessions.sample("first"));

        counted.read(); // before the refresh lock
        counted.read(); // the re-read under it
        counted.write(TestSessions.sample("rotated")); // the refreshed session
        assertThat(counted.read()).contains(TestSessions.sample("rotated"));
        assertThat(derivations).as("scrypt runs for one salt").hasValue(1);

        counted.delete(); // rotates the salt: the old key is destroyed
        counted.write(TestSessions.sample("after-login"));
        assertThat(store().read()).contains(TestSessions.sample("after-login"));
        assertThat(derivations).hasValue(2);

        store().delete(); // another process logs out and in again: a new salt on disk
        store().write(TestSessions.sample("elsewhere"));
        assertThat(counted.read()).contains(TestSessions.sample("elsewhere"));
        assertThat(derivations).hasValue(3);
    }

    @Test
    void roundTripsNullRefreshExpiryAndGeneration() {
        StoredSession legacy = TestSessions.legacy("legacy");
        store().write(legacy);

        StoredSession read = store().read().orElseThrow();

        assertThat(read).isEqualTo(legacy);
        assertThat(read.refreshTokenExpiresAt()).isNull();
        assertThat(read.generation()).isNull();
    }

    @Test
    void writesTheV2EnvelopeWithLowercaseHexAndA16ByteSalt() throws Exception {
        store().write(TestSessions.sample("fmt"));

        JsonNode envelope = JsonMapper.builder().build().readTree(Files.readString(authDir().resolve("session.json")));
        assertThat(envelope.propertyNames()).containsExactlyInAnyOrder("version", "nonce", "ciphertext");
        assertThat(envelope.get("version").intValue()).isEqualTo(2);
        assertThat(envelope.get("nonce").stringValue()).matches("[0-9a-f]{24}");
        assertThat(envelope.get("ciphertext").stringValue()).matches("([0-9a-f]{2})+");
        assertThat(Files.readAllBytes(authDir().resolve("session.salt"))).hasSize(16);
        assertThat(Files.readString(authDir().resolve("session.json")))
                .doesNotContain(TestSessions.ACCESS_SENTINEL)
                .doesNotContain(TestSessions.REFRESH_SENTINEL);
    }

    @Test
    void eachWriteUsesAFreshNonceAndKeepsTheSalt() throws Exception {
        store().write(TestSessions.sample("a"));
        byte[] salt = Files.readAllBytes(authDir().resolve("session.salt"));
        String first = Files.readString(authDir().resolve("session.json"));
        store().write(TestSessions.sample("a"));

        assertThat(Files.readAllBytes(authDir().resolve("session.salt"))).isEqualTo(salt);
        assertThat(Files.readString(authDir().resolve("session.json"))).isNotEqualTo(first);
    }

    @Test
    void enforcesOwnerOnlyModes() throws Exception {
        Files.createDirectories(authDir(), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.setPosixFilePermissions(authDir(), PosixFilePermissions.fromString("rwxr-xr-x"));

        store().write(TestSessions.sample("modes"));

        assertThat(mode(authDir())).isEqualTo("rwx------");
        assertThat(mode(authDir().resolve("session.json"))).isEqualTo("rw-------");
        assertThat(mode(authDir().resolve("session.salt"))).isEqualTo("rw-------");
        assertThat(mode(authDir().resolve("session.lock"))).isEqualTo("rw-------");
    }

    @Test
    void createsAMissingAuthDirectoryWith0700() throws Exception {
        Path nested = home.resolve("deeper/auth");
        EncryptedFileSessionStore.withPassphrase(nested, PASSPHRASE).write(TestSessions.sample("nested"));

        assertThat(mode(nested)).isEqualTo("rwx------");
        assertThat(EncryptedFileSessionStore.withPassphrase(nested, PASSPHRASE).read()).isPresent();
    }

    @Test
    void replacesAStaleTemporaryFileFromACrash() throws Exception {
        Files.createDirectories(authDir());
        Path tmp = authDir().resolve("session.json.tmp");
        Files.writeString(tmp, "half a write from a crash");
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));

        store().write(TestSessions.sample("tmp"));

        assertThat(tmp).doesNotExist();
        assertThat(mode(authDir().resolve("session.json"))).isEqualTo("rw-------");
        assertThat(store().read()).contains(TestSessions.sample("tmp"));
    }

    @Test
    void readOfNothingIsEmptyAndCreatesNothing() {
        assertThat(store().read()).isEmpty();
        assertThat(authDir()).doesNotExist();
    }

    @Test
    void anotherPassphraseCannotDecrypt() {
        store().write(TestSessions.sample("owner"));
        SessionStore other = EncryptedFileSessionStore.withPassphrase(authDir(), "other-host:4242".getBytes());

        assertThatThrownBy(other::read)
                .hasFieldOrPropertyWithValue("problem",
                        dev.speckitty.domain.session.SessionStorageException.Problem.DECRYPTION_FAILED);
    }

    @Test
    void describesTheEncryptedFile() {
        SessionStore.StorageDescription description = store().describe();

        assertThat(description.backend()).isEqualTo("encrypted-file");
        assertThat(description.location()).isEqualTo(authDir().resolve("session.json").toString());
    }

    @Test
    void deleteRemovesSessionSaltAndHotPathButKeepsLockFiles() throws Exception {
        store().write(TestSessions.sample("del"));
        byte[] oldSalt = Files.readAllBytes(authDir().resolve("session.salt"));
        Files.writeString(authDir().resolve("session.hot-path.json"), "{}");
        Files.writeString(authDir().resolve("refresh.lock"), "");

        store().delete();

        assertThat(authDir().resolve("session.json")).doesNotExist();
        assertThat(authDir().resolve("session.salt")).doesNotExist();
        assertThat(authDir().resolve("session.hot-path.json")).doesNotExist();
        assertThat(authDir().resolve("session.lock")).exists();
        assertThat(authDir().resolve("refresh.lock")).exists();
        assertThat(store().read()).isEmpty();

        store().delete(); // idempotent
        assertThat(store().read()).isEmpty();

        store().write(TestSessions.sample("again"));
        assertThat(Files.readAllBytes(authDir().resolve("session.salt"))).isNotEqualTo(oldSalt);
        assertThat(store().read()).contains(TestSessions.sample("again"));
    }

    @Test
    void deleteWithoutAnAuthDirectoryDoesNothing() {
        store().delete();
        assertThat(authDir()).doesNotExist();
    }

    @Test
    void sessionToStringNeverShowsTokens() {
        store().write(TestSessions.sample("str"));
        String shown = store().read().orElseThrow().toString();

        assertThat(shown).doesNotContain(TestSessions.ACCESS_SENTINEL).doesNotContain(TestSessions.REFRESH_SENTINEL);
    }

    @Test
    void storeToleratesUppercaseHexLikeTheReference() throws Exception {
        store().write(TestSessions.sample("upper"));
        Path file = authDir().resolve("session.json");
        JsonMapper mapper = JsonMapper.builder().build();
        var envelope = (tools.jackson.databind.node.ObjectNode) mapper.readTree(Files.readString(file));
        envelope.put("nonce", envelope.get("nonce").stringValue().toUpperCase());
        Files.writeString(file, mapper.writeValueAsString(envelope));

        assertThat(store().read()).contains(TestSessions.sample("upper"));
    }

    @Test
    void readsAcrossStoreInstances() {
        store().write(TestSessions.sample("x"));
        Optional<StoredSession> read = EncryptedFileSessionStore.withPassphrase(authDir(), PASSPHRASE).read();
        assertThat(read).contains(TestSessions.sample("x"));
    }

    static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }
}

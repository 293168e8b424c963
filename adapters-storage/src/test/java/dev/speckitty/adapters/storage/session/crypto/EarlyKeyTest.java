package dev.speckitty.adapters.storage.session.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.adapters.storage.session.crypto.SessionKeyDerivation.SessionKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The key derived early ({@link SessionKeyDerivation#startEarly}): the same bytes Bouncy Castle
 * derives, handed over only for exactly the salt it was derived from, and every derivation that ran
 * accounted for (scrypt counted at the source).
 */
class EarlyKeyTest {

    private static final byte[] PASSPHRASE = "host:1000".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SALT = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OTHER_SALT = "fedcba9876543210".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path auth;

    /** The process's scrypt (OpenSSL where it loads), counting its derivations. */
    private final AtomicInteger scryptRuns = new AtomicInteger();
    private final Scrypt countingScrypt = new Scrypt() {
        private final Scrypt preferred = new PreferredScrypt();

        @Override
        public byte[] derive(byte[] passphrase, byte[] salt, ScryptParameters parameters) {
            scryptRuns.incrementAndGet();
            return preferred.derive(passphrase, salt, parameters);
        }

        @Override
        public String implementation() {
            return preferred.implementation();
        }
    };

    private Path saltFile(byte[] salt) throws Exception {
        Path file = auth.resolve("session.salt");
        Files.write(file, salt);
        return file;
    }

    private static byte[] bouncyCastleKey(byte[] salt) {
        return new BouncyCastleScrypt().derive(PASSPHRASE, salt, ScryptParameters.SESSION_KEY);
    }

    @Test
    void theEarlyKeyIsTheKeyOfTheSaltOnDiskAndIsDerivedOnce() throws Exception {
        SessionKeyDerivation keys = new SessionKeyDerivation(PASSPHRASE, countingScrypt);
        keys.startEarly(saltFile(SALT), () -> {});

        SessionKey key = keys.derive(SALT.clone());

        assertThat(key.bytes()).isEqualTo(bouncyCastleKey(SALT));
        assertThat(scryptRuns).hasValue(1);
        assertThat(keys.discardUnusedEarlyKey()).as("the key was used, nothing to discard").isFalse();
        assertThat(key.bytes()).as("a used key is not destroyed by the discard").isEqualTo(bouncyCastleKey(SALT));
    }

    @Test
    void aSaltChangedAfterTheEarlyDerivationGetsItsOwnKeyAndTheEarlyOneIsDestroyed() throws Exception {
        SessionKeyDerivation keys = new SessionKeyDerivation(PASSPHRASE, countingScrypt);
        keys.startEarly(saltFile(SALT), () -> {});

        SessionKey key = keys.derive(OTHER_SALT); // e.g. a logout and a new login in between

        assertThat(key.bytes()).isEqualTo(bouncyCastleKey(OTHER_SALT));
        assertThat(scryptRuns).hasValue(2);
        assertThat(keys.discardUnusedEarlyKey()).as("the early derivation ran for nothing").isTrue();
        assertThat(keys.discardUnusedEarlyKey()).as("and is accounted for once").isFalse();
    }

    @Test
    void theEarlyKeyIsHandedOverOnce() throws Exception {
        SessionKeyDerivation keys = new SessionKeyDerivation(PASSPHRASE, countingScrypt);
        keys.startEarly(saltFile(SALT), () -> {});

        SessionKey first = keys.derive(SALT);
        first.destroy(); // its holder may destroy it; a second request must not get the same array
        SessionKey second = keys.derive(SALT);

        assertThat(second.bytes()).isEqualTo(bouncyCastleKey(SALT));
        assertThat(scryptRuns).hasValue(2);
    }

    @Test
    void aKeyNobodyAskedForIsDestroyedAndCounted() throws Exception {
        SessionKeyDerivation keys = new SessionKeyDerivation(PASSPHRASE, countingScrypt);
        keys.startEarly(saltFile(SALT), () -> {});

        assertThat(keys.discardUnusedEarlyKey()).isTrue();
        assertThat(scryptRuns).hasValue(1);
        assertThat(keys.derive(SALT).bytes()).as("a discarded key is never handed over").isEqualTo(bouncyCastleKey(SALT));
        assertThat(scryptRuns).hasValue(2);
    }

    @Test
    void noSaltOrAShortOneDerivesNothingEarly() throws Exception {
        SessionKeyDerivation absent = new SessionKeyDerivation(PASSPHRASE, countingScrypt);
        absent.startEarly(auth.resolve("session.salt"), () -> {});
        assertThat(absent.discardUnusedEarlyKey()).isFalse();

        SessionKeyDerivation shortSalt = new SessionKeyDerivation(PASSPHRASE, countingScrypt);
        shortSalt.startEarly(saltFile(new byte[15]), () -> {});
        assertThat(shortSalt.discardUnusedEarlyKey()).isFalse();

        assertThat(scryptRuns).hasValue(0);
    }

    @Test
    void theSaltIsReadOnlyAfterTheFirstStepHasRun() throws Exception {
        // main's first step waits for the process hardening: no key material exists before it
        CountDownLatch firstStepMayEnd = new CountDownLatch(1);
        Path saltFile = saltFile(SALT);
        SessionKeyDerivation keys = new SessionKeyDerivation(PASSPHRASE, countingScrypt);
        keys.startEarly(saltFile, () -> {
            try {
                assertThat(firstStepMayEnd.await(30, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        });

        Thread.sleep(100);
        assertThat(scryptRuns).as("nothing derived while the first step runs").hasValue(0);
        Files.write(saltFile, OTHER_SALT);
        firstStepMayEnd.countDown();

        assertThat(keys.derive(OTHER_SALT).bytes()).isEqualTo(bouncyCastleKey(OTHER_SALT));
        assertThat(scryptRuns).as("the early key was the new salt's").hasValue(1);
    }

    @Test
    void aFailedEarlyDerivationLeavesTheDerivationToTheCaller() throws Exception {
        SessionKeyDerivation keys = new SessionKeyDerivation(PASSPHRASE, countingScrypt);
        keys.startEarly(saltFile(SALT), () -> {
            throw new IllegalStateException("hardening failed");
        });

        assertThat(keys.derive(SALT).bytes()).isEqualTo(bouncyCastleKey(SALT));
        assertThat(scryptRuns).hasValue(1);
        assertThat(keys.discardUnusedEarlyKey()).isFalse();
    }
}

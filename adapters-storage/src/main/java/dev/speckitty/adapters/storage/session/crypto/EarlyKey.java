package dev.speckitty.adapters.storage.session.crypto;

import dev.speckitty.adapters.storage.session.crypto.SessionKeyDerivation.SessionKey;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Function;

/**
 * The session key derived ahead of need on a thread of its own, so that a one-shot which will
 * decrypt the session spends scrypt (and OpenSSL's loading) beside Spring's start-up instead of
 * after it (docs/performance.md). The salt is read without the session lock and may change before
 * the store reads it, so the key is handed over only for exactly the salt bytes it was derived
 * from, and only once; a key nobody took is destroyed by {@link #discard}.
 */
final class EarlyKey {

    /** The salt read and the key derived from it. */
    private record Derived(byte[] salt, SessionKey key) {}

    private final FutureTask<Derived> derivation;
    private boolean settled; // handed over or discarded; guarded by this

    private EarlyKey(Callable<Derived> derive) {
        this.derivation = new FutureTask<>(derive);
    }

    /**
     * Starts a daemon thread that runs {@code first}, reads the salt in {@code saltFile} and derives
     * its key; no salt, or one of the wrong length, derives nothing (the store reports it).
     */
    static EarlyKey start(Path saltFile, Runnable first, Function<byte[], SessionKey> derive) {
        EarlyKey early = new EarlyKey(() -> {
            first.run();
            Optional<byte[]> salt = new SaltFile(saltFile).readRaw();
            Derived derived = salt.filter(bytes -> bytes.length == SessionKeyDerivation.SALT_LENGTH)
                    .map(bytes -> new Derived(bytes, derive.apply(bytes)))
                    .orElse(null);
            if (derived != null) {
                SessionCipher.loadAhead(); // the decryption that follows
            }
            return derived;
        });
        Thread.ofPlatform().daemon().name("spec-kitty-early-key").start(early.derivation);
        return early;
    }

    /** The key derived for exactly {@code salt}, once; waits for the derivation to end. */
    synchronized Optional<SessionKey> take(byte[] salt) {
        Derived derived = awaitDerived();
        if (settled || derived == null || !Arrays.equals(derived.salt(), salt)) {
            return Optional.empty();
        }
        settled = true;
        return Optional.of(derived.key());
    }

    /**
     * Destroys the key unless it was handed over, waiting for a derivation still running; true when
     * a key was derived and never used (a derivation the work counters must still count).
     */
    synchronized boolean discard() {
        Derived derived = awaitDerived();
        if (settled || derived == null) {
            return false;
        }
        settled = true;
        derived.key().destroy();
        return true;
    }

    /** The derivation's result, or null when there was no salt or it failed: the store then derives itself. */
    private Derived awaitDerived() {
        try {
            return derivation.get();
        } catch (ExecutionException failed) {
            return null; // the store derives the key itself and reports any problem with the salt
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}

package dev.speckitty.shell.integration;

import dev.speckitty.adapters.storage.session.EncryptedFileSessionStore;
import dev.speckitty.adapters.storage.session.lock.FileRefreshLock;
import dev.speckitty.domain.port.RefreshLock;
import dev.speckitty.domain.session.StoredSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * Another spec-kitty process in the middle of a refresh: {@code RotateWhileHoldingLock <authDir>
 * <baseUrl> <triggerFile> <holdAfterSeconds>}. Takes the machine-wide refresh lock and prints
 * "held"; once {@code triggerFile} exists it rotates the stored refresh token at the emulator, writes
 * the rotated session, prints "rotated", keeps the lock {@code holdAfterSeconds} longer and releases
 * it. Tokens are never printed.
 */
public final class RotateWhileHoldingLock {

    public static void main(String[] args) throws Exception {
        Path authDir = Path.of(args[0]);
        String baseUrl = args[1];
        Path trigger = Path.of(args[2]);
        long holdAfterSeconds = Long.parseLong(args[3]);
        RefreshLock lock = new FileRefreshLock(authDir, Clock.systemUTC(), "holder-host", "test");
        EncryptedFileSessionStore store = EncryptedFileSessionStore.inAuthDirectory(authDir);
        try (RefreshLock.Lease lease = lock.acquire(Duration.ofSeconds(5)).orElseThrow()) {
            System.out.println("held");
            System.out.flush();
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (!Files.exists(trigger)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no trigger");
                }
                Thread.sleep(10);
            }
            StoredSession current = store.read().orElseThrow();
            store.write(TokenEndpoint.rotate(baseUrl, current, Duration.ZERO));
            System.out.println("rotated");
            System.out.flush();
            Thread.sleep(holdAfterSeconds * 1000);
        }
    }
}

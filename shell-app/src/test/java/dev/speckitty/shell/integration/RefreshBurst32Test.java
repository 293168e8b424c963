package dev.speckitty.shell.integration;

import dev.speckitty.emulator.HostedEmulator;
import dev.speckitty.shell.support.NoTokenLeak;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** E1 at scale: 32 CLI processes with an expired access token, exactly one refresh at the emulator. */
@ExtendWith(NoTokenLeak.class)
class RefreshBurst32Test {

    @Test
    @Timeout(400)
    void aBurstOf32ProcessesSpendsTheRefreshTokenExactlyOnce(@TempDir Path tempDir) throws Exception {
        try (HostedEmulator emulator = HostedEmulator.start()) {
            RefreshBursts.spendTheRefreshTokenOnce(emulator, tempDir, 32);
        }
    }
}

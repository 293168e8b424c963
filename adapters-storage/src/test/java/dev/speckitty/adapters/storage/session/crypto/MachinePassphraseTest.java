package dev.speckitty.adapters.storage.session.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.adapters.storage.support.Python;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MachinePassphraseTest {

    @Test
    void matchesPythonsGethostnameAndGetuid() {
        Python.Result python = Python.run("-c",
                "import os, socket, sys; sys.stdout.write(f'{socket.gethostname()}:{os.getuid()}')");

        assertThat(python.exitCode()).as(python.stderr()).isZero();
        assertThat(new String(MachinePassphrase.forThisMachine(), StandardCharsets.UTF_8)).isEqualTo(python.stdout());
    }
}

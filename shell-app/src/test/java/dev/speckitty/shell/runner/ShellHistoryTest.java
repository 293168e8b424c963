package dev.speckitty.shell.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellHistoryTest {

    @TempDir
    Path root;

    @Test
    void linesAreAppendedToAnOwnerOnlyFileUnderTheRuntimeRoot() throws Exception {
        ShellHistory history = ShellHistory.under(root.resolve("home"));
        history.record("auth status");
        history.record("   "); // blank: not kept
        history.record(" auth whoami"); // a leading space keeps a line out of the file
        history.record("sync status --json "); // Tab completion leaves a space
        Path file = root.resolve("home").resolve("shell_history");
        assertThat(Files.readString(file)).isEqualTo("auth status\nsync status --json\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        assertThat(ShellHistory.under(root.resolve("home")).load()).containsExactly("auth status", "sync status --json");
    }

    @Test
    void aFileLeftReadableByOthersIsNarrowedAndOnlyTheLastLinesAreLoaded() throws Exception {
        Path file = root.resolve("shell_history");
        Files.write(file, IntStream.range(0, ShellHistory.LOADED_LINES + 5).mapToObj(i -> "auth status " + i).toList());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        ShellHistory history = ShellHistory.under(root);
        assertThat(history.load()).hasSize(ShellHistory.LOADED_LINES).startsWith("auth status 5");
        history.record("help");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void noFileYetMeansNoHistory() throws Exception {
        assertThat(ShellHistory.under(root.resolve("absent")).load()).isEmpty();
    }
}

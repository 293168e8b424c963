package dev.speckitty.adapters.storage.session.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.adapters.storage.files.ProcessUser;
import dev.speckitty.domain.port.StorageHealth.Check;
import dev.speckitty.domain.port.StorageHealth.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStorageHealthTest {

    @TempDir
    Path home;

    private Path auth() throws Exception {
        Path auth = home.resolve("auth");
        Files.createDirectories(auth, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        return auth;
    }

    private static void file(Path path, int size, String mode) throws Exception {
        Files.write(path, new byte[size]);
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
    }

    private List<String> ids() {
        return new FileStorageHealth(home.resolve("auth")).inspect().stream().map(Check::id).toList();
    }

    @Test
    void nothingStoredIsNotAStorageProblem() {
        assertThat(new FileStorageHealth(home.resolve("auth")).inspect()).isEmpty();
    }

    @Test
    void healthyFilesGiveNoFinding() throws Exception {
        Path auth = auth();
        file(auth.resolve("session.json"), 100, "rw-------");
        file(auth.resolve("session.salt"), 16, "rw-------");
        assertThat(ids()).isEmpty();
    }

    @Test
    void unsafeModesAreNamedWithTheFix() throws Exception {
        Path auth = auth();
        Files.setPosixFilePermissions(auth, PosixFilePermissions.fromString("rwxr-xr-x"));
        file(auth.resolve("session.json"), 100, "rw-r--r--");
        file(auth.resolve("session.salt"), 16, "rw-r-----");

        List<Check> checks = new FileStorageHealth(auth).inspect();

        assertThat(checks).extracting(Check::id).containsExactly("F-101", "F-103", "F-106");
        assertThat(checks.get(1).severity()).isEqualTo(Severity.CRITICAL);
        assertThat(checks.get(1).summary()).contains("mode=0644");
        assertThat(checks.get(1).fix()).isEqualTo("chmod 600 " + auth.resolve("session.json"));
        assertThat(checks.get(0).fix()).isEqualTo("chmod 700 " + auth);
    }

    @Test
    void aLockFileOrQueueOthersCouldWriteOrOwnIsCriticalWithTheFix() throws Exception {
        Path auth = auth();
        file(auth.resolve("session.lock"), 0, "rw-rw-rw-");
        file(auth.resolve("refresh.lock"), 0, "rw-r--r--"); // the reference's filelock mode: fine
        Path queue = home.resolve("queue.db");
        file(queue, 0, "rw-------");
        boolean root = ProcessUser.uid() == 0; // only root can give a file to another user
        if (root) {
            Files.setAttribute(queue, "unix:uid", 4242);
        }

        List<Check> checks = new FileStorageHealth(auth, queue).inspect();

        Check lock = checks.get(0);
        assertThat(lock.id()).isEqualTo("F-109");
        assertThat(lock.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(lock.summary()).contains(auth.resolve("session.lock").toString(), "mode=0666")
                .doesNotContain("another spec-kitty process");
        assertThat(lock.fix()).isEqualTo("chmod 600 " + auth.resolve("session.lock"));
        if (root) {
            assertThat(checks).hasSize(2);
            assertThat(checks.get(1).summary()).contains(queue.toString(), "owned by uid 4242");
            assertThat(checks.get(1).fix()).startsWith("chown 0 " + queue);
        } else {
            assertThat(checks).hasSize(1);
        }
    }

    @Test
    void saltProblemsAndLeftoversAreReported() throws Exception {
        Path auth = auth();
        file(auth.resolve("session.json"), 100, "rw-------");
        assertThat(ids()).containsExactly("F-104");

        file(auth.resolve("session.salt"), 7, "rw-------");
        file(auth.resolve("session.json.tmp"), 3, "rw-------");
        assertThat(ids()).containsExactly("F-105", "F-107");
    }

    @Test
    void aSymlinkInPlaceOfTheSessionIsCriticalAndNotFollowed() throws Exception {
        Path auth = auth();
        Path elsewhere = home.resolve("elsewhere.json");
        file(elsewhere, 10, "rw-------");
        Files.createSymbolicLink(auth.resolve("session.json"), elsewhere);
        file(auth.resolve("session.salt"), 16, "rw-------");

        assertThat(ids()).containsExactly("F-102");
    }
}

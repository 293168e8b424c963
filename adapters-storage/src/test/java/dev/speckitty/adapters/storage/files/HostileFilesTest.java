package dev.speckitty.adapters.storage.files;

import static dev.speckitty.adapters.storage.support.TestSessions.PASSPHRASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.speckitty.adapters.storage.session.AuthFiles;
import dev.speckitty.adapters.storage.session.EncryptedFileSessionStore;
import dev.speckitty.adapters.storage.session.hotpath.HotPathFile;
import dev.speckitty.adapters.storage.support.TestSessions;
import dev.speckitty.domain.session.SessionStorageException;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, item 4: what a hostile file system hands the storage. A FIFO where a file of ours should be is
 * refused at once (opening it would block until a writer came); permissions are never changed through a symlink
 * or on another user's directory.
 */
class HostileFilesTest {

    private static final Duration PROMPTLY = Duration.ofSeconds(10);

    @TempDir
    Path home;

    private Path auth() {
        return home.resolve("auth");
    }

    private static Path mkfifo(Path path) throws IOException, InterruptedException {
        assertThat(new ProcessBuilder("mkfifo", path.toString()).start().waitFor()).isZero();
        return path;
    }

    @Test
    void readingAFifoIsRefusedWithoutOpeningIt() throws Exception {
        Files.createDirectories(auth());
        Path fifo = mkfifo(auth().resolve("session.salt"));

        assertTimeoutPreemptively(PROMPTLY, () -> assertThatThrownBy(() -> OwnerOnlyFiles.readNoFollow(fifo, 64))
                .isInstanceOf(OwnerOnlyFiles.NotARegularFileException.class)
                .hasMessage(fifo + ": a FIFO, socket or device, not a regular file; not opened"));
    }

    @Test
    void aFifoInPlaceOfTheHotPathFileIsAMissNotAHang() throws Exception {
        EncryptedFileSessionStore store = EncryptedFileSessionStore.withPassphrase(auth(), PASSPHRASE);
        store.write(TestSessions.sample("fifo"));
        AuthFiles files = new AuthFiles(auth());
        Files.deleteIfExists(files.hotPath());
        mkfifo(files.hotPath());

        assertTimeoutPreemptively(PROMPTLY, () -> {
            assertThat(new HotPathFile(files, Clock.systemUTC()).loadFresh()).isEmpty();
            assertThat(store.read()).contains(TestSessions.sample("fifo")); // the durable read answers instead
        });
    }

    @Test
    void aFifoInPlaceOfTheSaltFailsALoginWriteAtOnceAndIsLeftAlone() throws Exception {
        Files.createDirectories(auth());
        Path salt = mkfifo(new AuthFiles(auth()).salt());
        EncryptedFileSessionStore store = EncryptedFileSessionStore.withPassphrase(auth(), PASSPHRASE);

        assertTimeoutPreemptively(PROMPTLY, () -> assertThatThrownBy(() -> store.write(TestSessions.sample("x")))
                .isInstanceOfSatisfying(SessionStorageException.class, refused -> assertThat(refused.problem())
                        .isEqualTo(SessionStorageException.Problem.WRITE_FAILED))
                .hasMessage("Failed to write " + salt + " (a FIFO, socket or device, not a regular file; not opened)."));
        assertThat(Files.isRegularFile(salt, LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(new AuthFiles(auth()).session()).doesNotExist();
    }

    /** The attack: {@code auth/} a symlink to a shared sticky directory (mode 1777, like /tmp) of another user. */
    @Test
    void aSymlinkedAuthDirectoryIsNeverChmoddedThroughTheLink() throws Exception {
        Path shared = Files.createDirectories(home.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThat(new ProcessBuilder("chmod", "1777", shared.toString()).start().waitFor()).isZero();
        Files.createSymbolicLink(auth(), shared);

        assertThatThrownBy(() -> OwnerOnlyFiles.ensureDirectory(auth())).isInstanceOf(FileSystemException.class)
                .hasMessage(auth() + ": a symbolic link to something other than a directory of yours with mode 0700;"
                        + " permissions are never changed through a link. Make it a real directory, or point it at a"
                        + " directory of yours with mode 0700");
        assertThat(modeOf(shared)).as("sticky bit and mode kept").isEqualTo("1777");

        EncryptedFileSessionStore store = EncryptedFileSessionStore.withPassphrase(auth(), PASSPHRASE);
        assertThatThrownBy(() -> store.write(TestSessions.sample("x"))).isInstanceOf(SessionStorageException.class)
                .hasMessageContaining("permissions are never changed through a link");
        assertThat(modeOf(shared)).isEqualTo("1777");
        try (var files = Files.list(shared)) {
            assertThat(files).as("nothing written into the shared directory").isEmpty();
        }
    }

    @Test
    void aSymlinkToAPrivateDirectoryOfOursIsAccepted() throws Exception {
        Path real = Files.createDirectories(home.resolve("dotfiles-auth"),
                PosixFilePermissions.asFileAttribute(OwnerOnlyFiles.DIRECTORY_MODE));
        Files.createSymbolicLink(auth(), real);

        EncryptedFileSessionStore store = EncryptedFileSessionStore.withPassphrase(auth(), PASSPHRASE);
        store.write(TestSessions.sample("linked"));

        assertThat(store.read()).contains(TestSessions.sample("linked"));
        assertThat(modeOf(real)).isEqualTo("700");
    }

    @Test
    void anotherUsersDirectoryIsRefusedAndNotChmodded() throws Exception {
        assumeTrue(ProcessUser.uid() == 0, "root, to own a directory as another user");
        Path foreign = Files.createDirectories(auth());
        Files.setPosixFilePermissions(foreign, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setAttribute(foreign, "unix:uid", 65534);

        assertThatThrownBy(() -> OwnerOnlyFiles.ensureDirectory(foreign)).isInstanceOf(FileSystemException.class)
                .hasMessageContaining("a directory of another user; its permissions are left alone");
        assertThat(modeOf(foreign)).isEqualTo("755");
    }

    @Test
    void ourOwnDirectoryIsStillTightenedTo0700() throws Exception {
        Path ours = Files.createDirectories(auth());
        Files.setPosixFilePermissions(ours, PosixFilePermissions.fromString("rwxr-xr-x"));

        OwnerOnlyFiles.ensureDirectory(ours);

        assertThat(modeOf(ours)).isEqualTo("700");
    }

    private static String modeOf(Path directory) throws IOException, InterruptedException {
        Process stat = new ProcessBuilder("stat", "-c", "%a", directory.toRealPath().toString()).start();
        String mode = new String(stat.getInputStream().readAllBytes()).strip();
        assertThat(stat.waitFor()).isZero();
        return mode;
    }
}

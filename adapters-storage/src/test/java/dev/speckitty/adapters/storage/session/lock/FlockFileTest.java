package dev.speckitty.adapters.storage.session.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.speckitty.domain.session.SessionStorageException;
import dev.speckitty.domain.session.SessionStorageException.Problem;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The FFM flock layer in one JVM: descriptors exclude each other, real errors name their errno. */
class FlockFileTest {

    @TempDir
    Path dir;

    @Test
    void twoDescriptorsInOneProcessExcludeEachOtherAndClosingAnotherKeepsTheLock() throws Exception {
        Path file = dir.resolve("refresh.lock");
        try (FlockFile first = FlockFile.open(file)) {
            assertThat(first.tryLock()).isTrue();
            try (FlockFile second = FlockFile.open(file)) {
                assertThat(second.tryLock()).as("flock belongs to the open file description").isFalse();
            }
            try (FlockFile third = FlockFile.open(file)) {
                assertThat(third.tryLock()).as("closing the second descriptor did not drop the lock").isFalse();
            }
            first.unlockAndClose();
        }
        try (FlockFile after = FlockFile.open(file)) {
            assertThat(after.tryLock()).isTrue();
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void writesReadsAndClearsThroughTheDescriptor() throws Exception {
        Path file = dir.resolve("refresh.lock");
        try (FlockFile locked = FlockFile.open(file)) {
            locked.replaceContent("a longer first record".getBytes());
            locked.replaceContent("short".getBytes());
            assertThat(locked.read(1024)).isEqualTo("short".getBytes());
            assertThat(Files.readString(file)).isEqualTo("short");
            locked.clear();
            assertThat(Files.size(file)).isZero();
        }
    }

    @Test
    void aRealErrorIsNotContentionAndNamesItsErrno() throws Exception {
        Libc libc = Libc.get(dir);

        Libc.NativeCallException badDescriptor = catchThrowableOfType(Libc.NativeCallException.class,
                () -> libc.tryLockExclusive(-1));

        assertThat(badDescriptor.errnoName()).isEqualTo("EBADF");
        assertThat(badDescriptor.getMessage()).isEqualTo("flock(LOCK_EX|LOCK_NB) failed: EBADF");
    }

    @Test
    void aSymlinkIsNeverFollowedEvenWhenItAppearsAfterTheCheck() throws Exception {
        Path target = Files.writeString(dir.resolve("elsewhere"), "x");
        Path link = Files.createSymbolicLink(dir.resolve("refresh.lock"), target);

        SessionStorageException refused = catchThrowableOfType(SessionStorageException.class,
                () -> FlockFile.open(link));
        Libc.NativeCallException raced = catchThrowableOfType(Libc.NativeCallException.class,
                () -> Libc.get(link).open(link.toString())); // O_NOFOLLOW, as if swapped in after the check

        assertThat(refused.problem()).isEqualTo(Problem.NOT_A_REGULAR_FILE);
        assertThat(refused.getMessage()).contains(link.toString(), "symbolic link");
        assertThat(raced.errnoName()).isEqualTo("ELOOP");
        assertThat(Files.readString(target)).isEqualTo("x");
    }

    @Test
    void aGroupWritableOrSpecialLockFileIsRefusedWithTheFix() throws Exception {
        Path writable = Files.createFile(dir.resolve("session.lock"));
        Files.setPosixFilePermissions(writable, PosixFilePermissions.fromString("rw-rw-r--"));
        Path fifo = dir.resolve("refresh.lock");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();

        SessionStorageException groupWritable = catchThrowableOfType(SessionStorageException.class,
                () -> FlockFile.open(writable));
        SessionStorageException special = catchThrowableOfType(SessionStorageException.class,
                () -> FlockFile.open(fifo));

        assertThat(groupWritable.problem()).isEqualTo(Problem.UNSAFE_PERMISSIONS);
        assertThat(groupWritable.getMessage()).contains("mode=0664", "chmod 600 " + writable);
        assertThat(special.problem()).isEqualTo(Problem.NOT_A_REGULAR_FILE);
    }

    @Test
    void aGroupReadableLockFileAsTheReferenceCreatesItIsUsed() throws Exception {
        Path readable = Files.createFile(dir.resolve("session.lock"));
        Files.setPosixFilePermissions(readable, PosixFilePermissions.fromString("rw-r--r--"));

        try (FlockFile file = FlockFile.open(readable)) {
            assertThat(file.tryLock()).isTrue();
        }
    }

    @Test
    void anOpenFailureNamesTheFileAndTheErrno() {
        Path missingDirectory = dir.resolve("absent/refresh.lock");

        FileSystemException failed = catchThrowableOfType(FileSystemException.class,
                () -> FlockFile.open(missingDirectory));

        assertThat(failed.getFile()).isEqualTo(missingDirectory.toString());
        assertThat(failed.getReason()).isEqualTo("open failed: ENOENT");
    }
}

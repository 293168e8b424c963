package dev.speckitty.adapters.storage.session.lock;

import java.util.Locale;
import java.util.Optional;

/**
 * The {@code open(2)} flags and the contention errno of the platforms whose libc this build calls
 * through FFM. The values differ per kernel and architecture (O_NOFOLLOW is 0400000 on Linux x86-64,
 * 0100000 on Linux arm64, 0x100 on macOS), so an unknown platform gets no guessed values: the lock
 * refuses to run there instead.
 */
record LibcPlatform(String name, int openFlags, int contentionErrno, int interruptedErrno) {

    static final int O_RDWR = 2;
    static final int LOCK_EX = 2;
    static final int LOCK_NB = 4;
    static final int LOCK_UN = 8;
    static final int FILE_MODE = 0600;

    /** The platform this JVM runs on, when its flags are known. */
    static Optional<LibcPlatform> current() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("linux")) {
            return switch (arch) {
                // O_RDWR | O_CREAT 0100 | O_NONBLOCK 04000 | O_NOFOLLOW 0400000 | O_CLOEXEC 02000000; EAGAIN 11
                case "amd64", "x86_64" -> Optional.of(new LibcPlatform("linux-x86_64",
                        O_RDWR | 0100 | 04000 | 0400000 | 02000000, 11, 4));
                // arm64 moves O_NOFOLLOW to 0100000 (and O_DIRECTORY to 040000)
                case "aarch64", "arm64" -> Optional.of(new LibcPlatform("linux-aarch64",
                        O_RDWR | 0100 | 04000 | 0100000 | 02000000, 11, 4));
                default -> Optional.empty();
            };
        }
        if (os.startsWith("mac")) {
            // O_RDWR | O_NONBLOCK 0x4 | O_NOFOLLOW 0x100 | O_CREAT 0x200 | O_CLOEXEC 0x1000000; EWOULDBLOCK 35
            return Optional.of(new LibcPlatform("macos", O_RDWR | 0x4 | 0x100 | 0x200 | 0x1000000, 35, 4));
        }
        return Optional.empty();
    }
}

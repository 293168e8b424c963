package dev.speckitty.adapters.storage.session.lock;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.Optional;

/**
 * The few libc calls the lock files need, bound at run time through the FFM API: {@code open},
 * {@code flock}, {@code ftruncate}, {@code pread}, {@code pwrite}, {@code fsync}, {@code close}.
 * Every call captures {@code errno} in the same native call ({@code Linker.Option.captureCallState}),
 * so no JVM activity in between can overwrite it. No native library is shipped: libc is the one
 * the JVM already runs on.
 */
final class Libc {

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CAPTURE_LAYOUT = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO =
            CAPTURE_LAYOUT.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option CAPTURE_ERRNO = Linker.Option.captureCallState("errno");
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT;
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG; // off_t, size_t, ssize_t on LP64
    private static final ValueLayout.OfInt FLOCK_OPERATION = INT;

    final LibcPlatform platform;
    private final MethodHandle open;
    private final MethodHandle flock;
    private final MethodHandle ftruncate;
    private final MethodHandle pread;
    private final MethodHandle pwrite;
    private final MethodHandle fsync;
    private final MethodHandle close;
    private final MethodHandle strerrorname; // glibc 2.32+; absent elsewhere

    private Libc(LibcPlatform platform, SymbolLookup libc) {
        this.platform = platform;
        this.open = bind(libc, "open", FunctionDescriptor.of(INT, ValueLayout.ADDRESS, INT, INT),
                Linker.Option.firstVariadicArg(2), CAPTURE_ERRNO);
        this.flock = bind(libc, "flock", FunctionDescriptor.of(INT, INT, FLOCK_OPERATION), CAPTURE_ERRNO);
        this.ftruncate = bind(libc, "ftruncate", FunctionDescriptor.of(INT, INT, LONG), CAPTURE_ERRNO);
        this.pread = bind(libc, "pread", FunctionDescriptor.of(LONG, INT, ValueLayout.ADDRESS, LONG, LONG),
                CAPTURE_ERRNO);
        this.pwrite = bind(libc, "pwrite", FunctionDescriptor.of(LONG, INT, ValueLayout.ADDRESS, LONG, LONG),
                CAPTURE_ERRNO);
        this.fsync = bind(libc, "fsync", FunctionDescriptor.of(INT, INT), CAPTURE_ERRNO);
        this.close = bind(libc, "close", FunctionDescriptor.of(INT, INT), CAPTURE_ERRNO);
        this.strerrorname = libc.find("strerrorname_np")
                .map(symbol -> LINKER.downcallHandle(symbol, FunctionDescriptor.of(ValueLayout.ADDRESS, INT)))
                .orElse(null);
    }

    /** libc, or why it cannot be used here (unknown platform, no {@code flock}, native access denied). */
    static Libc get(java.nio.file.Path forFile) throws FlockUnavailableException {
        if (Holder.INSTANCE == null) {
            throw new FlockUnavailableException(forFile, Holder.UNAVAILABLE);
        }
        return Holder.INSTANCE;
    }

    /** Binds on first use, once per JVM. */
    private static final class Holder {
        static final Libc INSTANCE;
        static final String UNAVAILABLE;

        static {
            Libc loaded = null;
            String reason = null;
            Optional<LibcPlatform> platform = LibcPlatform.current();
            if (platform.isEmpty()) {
                reason = "no known open(2) flags for " + System.getProperty("os.name") + "/"
                        + System.getProperty("os.arch");
            } else {
                try {
                    loaded = new Libc(platform.get(), LINKER.defaultLookup());
                } catch (MissingSymbolException missing) {
                    reason = "the C library has no " + missing.getMessage();
                } catch (IllegalCallerException nativeAccessDenied) {
                    reason = "native access is denied to this JVM (run it with --enable-native-access=ALL-UNNAMED)";
                }
            }
            INSTANCE = loaded;
            UNAVAILABLE = reason;
        }
    }

    int open(String path) throws NativeCallException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = arena.allocate(CAPTURE_LAYOUT);
            MemorySegment cPath = arena.allocateFrom(path);
            int fd = (int) call(open, errno, cPath, platform.openFlags(), LibcPlatform.FILE_MODE);
            return (int) checked("open", fd, errno);
        }
    }

    /** {@code flock(LOCK_EX|LOCK_NB)}: true when locked, false on contention; retried on EINTR. */
    boolean tryLockExclusive(int fd) throws NativeCallException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = arena.allocate(CAPTURE_LAYOUT);
            while (true) {
                int result = (int) call(flock, errno, fd, LibcPlatform.LOCK_EX | LibcPlatform.LOCK_NB);
                if (result == 0) {
                    return true;
                }
                int code = errno(errno);
                if (code == platform.contentionErrno()) {
                    return false;
                }
                if (code != platform.interruptedErrno()) {
                    throw failure("flock(LOCK_EX|LOCK_NB)", code);
                }
            }
        }
    }

    void unlock(int fd) throws NativeCallException {
        simple("flock(LOCK_UN)", flock, fd, LibcPlatform.LOCK_UN);
    }

    void truncate(int fd) throws NativeCallException {
        simple("ftruncate", ftruncate, fd, 0L);
    }

    void fsync(int fd) throws NativeCallException {
        simple("fsync", fsync, fd);
    }

    void close(int fd) throws NativeCallException {
        simple("close", close, fd);
    }

    /** Writes all of {@code bytes} from offset 0. */
    void writeFromStart(int fd, byte[] bytes) throws NativeCallException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = arena.allocate(CAPTURE_LAYOUT);
            MemorySegment buffer = arena.allocateFrom(ValueLayout.JAVA_BYTE, bytes);
            long written = 0;
            while (written < bytes.length) {
                long n = (long) call(pwrite, errno, fd, buffer.asSlice(written), bytes.length - written, written);
                if (n < 0 && errno(errno) == platform.interruptedErrno()) {
                    continue;
                }
                written += checked("pwrite", n, errno);
            }
        }
    }

    /** Up to {@code limit} bytes from offset 0. */
    byte[] readFromStart(int fd, int limit) throws NativeCallException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = arena.allocate(CAPTURE_LAYOUT);
            MemorySegment buffer = arena.allocate(limit);
            long total = 0;
            while (total < limit) {
                long n = (long) call(pread, errno, fd, buffer.asSlice(total), limit - total, total);
                if (n < 0 && errno(errno) == platform.interruptedErrno()) {
                    continue;
                }
                if (checked("pread", n, errno) == 0) {
                    break;
                }
                total += n;
            }
            return buffer.asSlice(0, total).toArray(ValueLayout.JAVA_BYTE);
        }
    }

    /** The errno's symbolic name where libc can tell it (glibc: {@code strerrorname_np}), else its number. */
    String errnoName(int code) {
        if (strerrorname != null) {
            MemorySegment name = (MemorySegment) call(strerrorname, code);
            if (!name.equals(MemorySegment.NULL)) {
                return name.reinterpret(64).getString(0);
            }
        }
        return "errno " + code;
    }

    private void simple(String what, MethodHandle handle, Object... arguments) throws NativeCallException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = arena.allocate(CAPTURE_LAYOUT);
            Object[] withCapture = new Object[arguments.length + 1];
            withCapture[0] = errno;
            System.arraycopy(arguments, 0, withCapture, 1, arguments.length);
            checked(what, ((Number) call(handle, withCapture)).longValue(), errno);
        }
    }

    private long checked(String what, long result, MemorySegment errno) throws NativeCallException {
        if (result < 0) {
            throw failure(what, errno(errno));
        }
        return result;
    }

    private NativeCallException failure(String what, int code) {
        return new NativeCallException(what, code, errnoName(code));
    }

    private static int errno(MemorySegment capture) {
        return (int) ERRNO.get(capture, 0L);
    }

    private static Object call(MethodHandle handle, Object... arguments) {
        try {
            return handle.invokeWithArguments(arguments);
        } catch (RuntimeException | Error unchecked) { // broad-catch: rethrown unchanged, nothing is swallowed here
            throw unchecked;
        } catch (Throwable checked) { // broad-catch: a native downcall declares no checked exception at all
            throw new IllegalStateException("native call failed", checked);
        }
    }

    private static MethodHandle bind(SymbolLookup libc, String name, FunctionDescriptor descriptor,
            Linker.Option... options) {
        MemorySegment symbol = libc.find(name).orElseThrow(() -> new MissingSymbolException(name));
        return LINKER.downcallHandle(symbol, descriptor, options);
    }

    private static final class MissingSymbolException extends RuntimeException {
        MissingSymbolException(String symbol) {
            super(symbol, null, false, false);
        }
    }

    /** A libc call failed with an errno other than contention; the message names the errno. */
    static final class NativeCallException extends java.io.IOException {
        private final int errno;
        private final String errnoName;

        NativeCallException(String call, int errno, String errnoName) {
            super(call + " failed: " + errnoName);
            this.errno = errno;
            this.errnoName = errnoName;
        }

        int errno() {
            return errno;
        }

        String errnoName() {
            return errnoName;
        }
    }
}

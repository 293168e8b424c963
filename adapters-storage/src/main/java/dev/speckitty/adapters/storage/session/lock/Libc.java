package dev.speckitty.adapters.storage.session.lock;

import java.lang.foreign.AddressLayout;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
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
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT;
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG; // off_t, size_t, ssize_t on LP64
    private static final AddressLayout ADDRESS = ValueLayout.ADDRESS;
    private static final int NOT_VARIADIC = -1;

    final LibcPlatform platform;
    // Each call is linked on first use, and all through one shape where the ABI allows
    // (IntegerDowncall): a read under the lock needs only open, flock and close.
    private final IntegerDowncall open;
    private final IntegerDowncall flock;
    private final IntegerDowncall ftruncate;
    private final IntegerDowncall pread;
    private final IntegerDowncall pwrite;
    private final IntegerDowncall fsync;
    private final IntegerDowncall close;
    private final MemorySegment strerrorname; // glibc 2.32+; null elsewhere
    private volatile MethodHandle strerrornameHandle;

    private Libc(LibcPlatform platform, SymbolLookup libc) {
        this.platform = platform;
        this.open = function(libc, "open", FunctionDescriptor.of(INT, ADDRESS, INT, INT), 2);
        this.flock = function(libc, "flock", FunctionDescriptor.of(INT, INT, INT), NOT_VARIADIC);
        this.ftruncate = function(libc, "ftruncate", FunctionDescriptor.of(INT, INT, LONG), NOT_VARIADIC);
        this.pread = function(libc, "pread", FunctionDescriptor.of(LONG, INT, ADDRESS, LONG, LONG), NOT_VARIADIC);
        this.pwrite = function(libc, "pwrite", FunctionDescriptor.of(LONG, INT, ADDRESS, LONG, LONG), NOT_VARIADIC);
        this.fsync = function(libc, "fsync", FunctionDescriptor.of(INT, INT), NOT_VARIADIC);
        this.close = function(libc, "close", FunctionDescriptor.of(INT, INT), NOT_VARIADIC);
        this.strerrorname = libc.find("strerrorname_np").orElse(null);
    }

    /** The function, its symbol found now (a missing one makes libc unusable here), linked on first call. */
    private static IntegerDowncall function(SymbolLookup libc, String name, FunctionDescriptor prototype,
            int firstVariadic) {
        MemorySegment symbol = libc.find(name).orElseThrow(() -> new MissingSymbolException(name));
        return IntegerDowncall.of(symbol, prototype, firstVariadic);
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

    /**
     * Links the calls a locked read makes (open, flock, close) now, on the caller's thread, so that
     * the first lock does not pay for it; nothing when libc cannot be used (the lock reports why).
     */
    static void linkReadCalls() {
        Libc libc = Holder.INSTANCE;
        if (libc != null) {
            libc.open.link();
            libc.flock.link();
            libc.close.link();
        }
    }

    int open(String path) throws NativeCallException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cPath = arena.allocateFrom(path);
            int flags = platform.openFlags();
            return (int) checkedCall("open",
                    errno -> open.callInt(errno, cPath.address(), flags, LibcPlatform.FILE_MODE, 0));
        }
    }

    /** {@code flock(LOCK_EX|LOCK_NB)}: true when locked, false on contention; retried on EINTR. */
    boolean tryLockExclusive(int fd) throws NativeCallException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = IntegerDowncall.errnoCapture(arena);
            while (true) {
                long result = call(() -> flock.callInt(errno, fd, LibcPlatform.LOCK_EX | LibcPlatform.LOCK_NB, 0, 0));
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
        checkedCall("flock(LOCK_UN)", errno -> flock.callInt(errno, fd, LibcPlatform.LOCK_UN, 0, 0));
    }

    void truncate(int fd) throws NativeCallException {
        checkedCall("ftruncate", errno -> ftruncate.callInt(errno, fd, 0, 0, 0));
    }

    void fsync(int fd) throws NativeCallException {
        checkedCall("fsync", errno -> fsync.callInt(errno, fd, 0, 0, 0));
    }

    void close(int fd) throws NativeCallException {
        checkedCall("close", errno -> close.callInt(errno, fd, 0, 0, 0));
    }

    /** Writes all of {@code bytes} from offset 0. */
    void writeFromStart(int fd, byte[] bytes) throws NativeCallException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = IntegerDowncall.errnoCapture(arena);
            MemorySegment buffer = arena.allocateFrom(ValueLayout.JAVA_BYTE, bytes);
            long written = 0;
            while (written < bytes.length) {
                MemorySegment from = buffer.asSlice(written);
                long count = bytes.length - written;
                long offset = written;
                long n = call(() -> pwrite.call(errno, fd, from.address(), count, offset));
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
            MemorySegment errno = IntegerDowncall.errnoCapture(arena);
            MemorySegment buffer = arena.allocate(limit);
            long total = 0;
            while (total < limit) {
                MemorySegment into = buffer.asSlice(total);
                long count = limit - total;
                long offset = total;
                long n = call(() -> pread.call(errno, fd, into.address(), count, offset));
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
            MemorySegment name;
            try {
                name = (MemorySegment) strerrornameHandle().invokeExact(code);
            } catch (Throwable unnamed) { // broad-catch: only the errno's name is lost, its number is kept
                return "errno " + code;
            }
            if (!name.equals(MemorySegment.NULL)) {
                return name.reinterpret(64).getString(0);
            }
        }
        return "errno " + code;
    }

    /** {@code const char *strerrorname_np(int)}, linked the first time a failure is named. */
    private MethodHandle strerrornameHandle() {
        MethodHandle linked = strerrornameHandle;
        if (linked == null) {
            linked = LINKER.downcallHandle(strerrorname, FunctionDescriptor.of(ADDRESS, INT));
            strerrornameHandle = linked;
        }
        return linked;
    }

    /** Runs a call that returns -1 and sets errno on failure; its result, or the failure named by errno. */
    private long checkedCall(String what, ErrnoCall call) throws NativeCallException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = IntegerDowncall.errnoCapture(arena);
            return checked(what, call(() -> call.call(errno)), errno);
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
        return IntegerDowncall.errno(capture);
    }

    /**
     * Runs one downcall, through {@link IntegerDowncall}'s exact-typed {@code invokeExact}:
     * {@code invokeWithArguments} adapted every handle at run time, spinning method-handle classes
     * (about 10 ms of a one-shot's CPU).
     */
    private static long call(NativeCall call) {
        try {
            return call.call();
        } catch (RuntimeException | Error unchecked) { // broad-catch: rethrown unchanged, nothing is swallowed here
            throw unchecked;
        } catch (Throwable checked) { // broad-catch: a native downcall declares no checked exception at all
            throw new IllegalStateException("native call failed", checked);
        }
    }

    @FunctionalInterface
    private interface NativeCall {
        long call() throws Throwable;
    }

    /** A call that returns -1 and sets errno on failure, given the segment capturing errno. */
    @FunctionalInterface
    private interface ErrnoCall {
        long call(MemorySegment errno) throws Throwable;
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

package dev.speckitty.adapters.storage.session.lock;

import java.lang.foreign.AddressLayout;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A libc function of up to four integer-class arguments (ints, longs, pointers) returning an
 * integer, called with {@code errno} captured in the same call: the lock files' calls
 * ({@link Libc}).
 *
 * <p>On Linux x86-64 and AArch64 all of them are linked through <em>one</em> downcall shape: four
 * 64-bit arguments, variadic from the first, a 64-bit result. The JDK generates code for each
 * distinct shape on first use, about 10 ms of CPU each, and a one-shot that reads the session
 * linked three ({@code open}, {@code flock}, {@code close}) on the way to its first token
 * (docs/performance.md, sixth round). On those two ABIs the shared shape passes every argument
 * exactly as the function's own prototype would: integer-class arguments, variadic or not, travel
 * in the same 64-bit registers; a callee reads the low 32 bits of an {@code int} argument and
 * ignores registers beyond its parameters; an {@code int} result is the low 32 bits of the 64-bit
 * one ({@link #callInt}); and a variadic call also sets {@code %al} on x86-64, which a non-variadic
 * callee ignores and a variadic one ({@code open}) needs. Elsewhere (macOS on AArch64 passes
 * variadic arguments on the stack) each function is linked with its exact prototype and adapted to
 * the same Java signature, so callers never differ. {@code IntegerDowncallTest} drives real libc
 * calls through both.
 */
final class IntegerDowncall {

    private static final int ARITY = 4;
    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CAPTURE_LAYOUT = Linker.Option.captureStateLayout();
    private static final Linker.Option CAPTURE_ERRNO = Linker.Option.captureCallState("errno");
    private static final FunctionDescriptor SHARED_SHAPE = FunctionDescriptor.of(ValueLayout.JAVA_LONG,
            ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG);
    private static final boolean SHARED_ON_THIS_PLATFORM = sharedShapeFits(
            System.getProperty("os.name", ""), System.getProperty("os.arch", ""));

    private final MemorySegment symbol;
    private final FunctionDescriptor prototype;
    private final int firstVariadic;
    private final boolean shared;
    private volatile MethodHandle handle;

    private IntegerDowncall(MemorySegment symbol, FunctionDescriptor prototype, int firstVariadic, boolean shared) {
        List<MemoryLayout> arguments = prototype.argumentLayouts();
        if (arguments.size() > ARITY || arguments.stream().anyMatch(layout -> !isIntegerClass(layout))
                || prototype.returnLayout().filter(IntegerDowncall::isIntegerClass).isEmpty()) {
            throw new IllegalArgumentException("not up to " + ARITY + " integer-class arguments and result: " + prototype);
        }
        this.symbol = symbol;
        this.prototype = prototype;
        this.firstVariadic = firstVariadic;
        this.shared = shared;
    }

    /**
     * The function at {@code symbol} whose C prototype is {@code prototype}; {@code firstVariadic} is
     * the index of its first variadic argument, or -1. Nothing is linked before the first call.
     */
    static IntegerDowncall of(MemorySegment symbol, FunctionDescriptor prototype, int firstVariadic) {
        return new IntegerDowncall(symbol, prototype, firstVariadic, SHARED_ON_THIS_PLATFORM);
    }

    /** As {@link #of}, always through the exact prototype: what other platforms do (tests). */
    static IntegerDowncall exact(MemorySegment symbol, FunctionDescriptor prototype, int firstVariadic) {
        return new IntegerDowncall(symbol, prototype, firstVariadic, false);
    }

    static boolean sharedShapeFits(String osName, String osArch) {
        return osName.toLowerCase(Locale.ROOT).startsWith("linux")
                && List.of("amd64", "x86_64", "aarch64").contains(osArch.toLowerCase(Locale.ROOT));
    }

    /** A segment to pass as {@code errno} to {@link #call}, from {@code arena}. */
    static MemorySegment errnoCapture(SegmentAllocator arena) {
        return arena.allocate(CAPTURE_LAYOUT);
    }

    /** The {@code errno} the last call through {@code capture} left. */
    static int errno(MemorySegment capture) {
        return (int) Errno.HANDLE.get(capture, 0L);
    }

    /** Made on first use: a call that succeeds never reads errno, and a one-shot's first calls all do. */
    private static final class Errno {
        static final VarHandle HANDLE = CAPTURE_LAYOUT.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    }

    /**
     * Calls a function that returns a {@code long} ({@code ssize_t}, {@code off_t}) with its
     * arguments in order (an address as {@link MemorySegment#address()}, unused trailing ones 0),
     * capturing {@code errno} into {@code capture}.
     */
    long call(MemorySegment capture, long a0, long a1, long a2, long a3) throws Throwable {
        return (long) linked().invokeExact(capture, a0, a1, a2, a3);
    }

    /** As {@link #call}, for a function that returns an {@code int}: the low 32 bits of the result. */
    int callInt(MemorySegment capture, long a0, long a1, long a2, long a3) throws Throwable {
        return (int) (long) linked().invokeExact(capture, a0, a1, a2, a3);
    }

    /** Links now (a later first call then pays nothing). */
    void link() {
        linked();
    }

    private MethodHandle linked() {
        MethodHandle linked = handle;
        if (linked == null) {
            linked = shared ? sharedHandle() : exactHandle(); // racing threads link equal handles
            handle = linked;
        }
        return linked;
    }

    private MethodHandle sharedHandle() {
        return LINKER.downcallHandle(symbol, SHARED_SHAPE, Linker.Option.firstVariadicArg(1), CAPTURE_ERRNO);
    }

    private MethodHandle exactHandle() {
        MethodHandle exact = firstVariadic >= 0
                ? LINKER.downcallHandle(symbol, prototype, Linker.Option.firstVariadicArg(firstVariadic), CAPTURE_ERRNO)
                : LINKER.downcallHandle(symbol, prototype, CAPTURE_ERRNO);
        List<MemoryLayout> arguments = prototype.argumentLayouts();
        for (int i = 0; i < arguments.size(); i++) {
            if (arguments.get(i) instanceof AddressLayout) {
                exact = MethodHandles.filterArguments(exact, 1 + i, SEGMENT_OF_ADDRESS);
            }
        }
        Class<?>[] unused = new Class<?>[ARITY - arguments.size()];
        Arrays.fill(unused, long.class);
        exact = MethodHandles.dropArguments(exact, 1 + arguments.size(), unused);
        MethodType uniform = MethodType.methodType(long.class, MemorySegment.class, long.class, long.class,
                long.class, long.class);
        return MethodHandles.explicitCastArguments(exact, uniform); // long to int arguments, int to long result
    }

    private static boolean isIntegerClass(MemoryLayout layout) {
        return layout instanceof ValueLayout.OfInt || layout instanceof ValueLayout.OfLong || layout instanceof AddressLayout;
    }

    private static final MethodHandle SEGMENT_OF_ADDRESS;

    static {
        try {
            SEGMENT_OF_ADDRESS = MethodHandles.lookup().findStatic(MemorySegment.class, "ofAddress",
                    MethodType.methodType(MemorySegment.class, long.class));
        } catch (ReflectiveOperationException impossible) {
            throw new ExceptionInInitializerError(impossible);
        }
    }
}

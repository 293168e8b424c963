package dev.speckitty.adapters.storage.session.lock;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real libc calls through both linkings of {@link IntegerDowncall}: the one shared shape this
 * platform uses, and the exact prototypes other platforms use. Each argument must arrive as the
 * function's own prototype would pass it: a variadic mode to {@code open} (the file's permissions
 * show it), an address, longs, and errno captured in the same call.
 */
@EnabledOnOs(OS.LINUX)
class IntegerDowncallTest {

    private static final int O_RDWR = 2;
    private static final int O_CREAT = 0100;
    private static final int O_EXCL = 0200;
    private static final int LOCK_EX_NB = 2 | 4;
    private static final int ENOENT = 2;
    private static final int EBADF = 9;
    private static final int EWOULDBLOCK = 11;
    private static final int PR_GET_DUMPABLE = 3;

    @TempDir
    Path dir;

    private static IntegerDowncall function(boolean shared, String name, FunctionDescriptor prototype, int firstVariadic) {
        MemorySegment symbol = Linker.nativeLinker().defaultLookup().find(name).orElseThrow();
        return shared ? IntegerDowncall.of(symbol, prototype, firstVariadic)
                : IntegerDowncall.exact(symbol, prototype, firstVariadic);
    }

    private static IntegerDowncall open(boolean shared) {
        return function(shared, "open", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT), 2);
    }

    private static IntegerDowncall close(boolean shared) {
        return function(shared, "close", FunctionDescriptor.of(JAVA_INT, JAVA_INT), -1);
    }

    @ParameterizedTest(name = "shared shape: {0}")
    @ValueSource(booleans = {true, false})
    void openPassesItsVariadicModeAndCapturesErrno(boolean shared) throws Throwable {
        IntegerDowncall open = open(shared);
        IntegerDowncall close = close(shared);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = IntegerDowncall.errnoCapture(arena);
            for (int mode : new int[] {0600, 0400}) {
                Path file = dir.resolve("mode-" + Integer.toOctalString(mode));
                int fd = open.callInt(errno, arena.allocateFrom(file.toString()).address(), O_RDWR | O_CREAT | O_EXCL,
                        mode, 0);
                assertThat(fd).as("open(%s)", file).isNotNegative();
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                        .isEqualTo(mode == 0600 ? "rw-------" : "r--------");
                assertThat(close.callInt(errno, fd, 0, 0, 0)).isZero();
                assertThat(close.callInt(errno, fd, 0, 0, 0)).as("closed twice").isEqualTo(-1);
                assertThat(IntegerDowncall.errno(errno)).isEqualTo(EBADF);
            }
            int missing = open.callInt(errno, arena.allocateFrom(dir.resolve("none").toString()).address(), O_RDWR, 0, 0);
            assertThat(missing).isEqualTo(-1);
            assertThat(IntegerDowncall.errno(errno)).isEqualTo(ENOENT);
        }
    }

    @ParameterizedTest(name = "shared shape: {0}")
    @ValueSource(booleans = {true, false})
    void flockPreadAndPwriteSeeTheirIntsLongsAndAddresses(boolean shared) throws Throwable {
        IntegerDowncall open = open(shared);
        IntegerDowncall close = close(shared);
        IntegerDowncall flock = function(shared, "flock", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT), -1);
        IntegerDowncall pwrite = function(shared, "pwrite",
                FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_LONG), -1);
        IntegerDowncall pread = function(shared, "pread",
                FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_LONG), -1);
        Path file = dir.resolve("data");
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = IntegerDowncall.errnoCapture(arena);
            long path = arena.allocateFrom(file.toString()).address();
            int first = open.callInt(errno, path, O_RDWR | O_CREAT, 0600, 0);
            int second = open.callInt(errno, path, O_RDWR, 0, 0);
            assertThat(flock.callInt(errno, first, LOCK_EX_NB, 0, 0)).isZero();
            assertThat(flock.callInt(errno, second, LOCK_EX_NB, 0, 0)).as("held by the first descriptor").isEqualTo(-1);
            assertThat(IntegerDowncall.errno(errno)).isEqualTo(EWOULDBLOCK);

            MemorySegment text = arena.allocateFrom(ValueLayout.JAVA_BYTE, "..hello".getBytes(StandardCharsets.US_ASCII));
            assertThat(pwrite.call(errno, first, text.address(), 7, 3)).isEqualTo(7);
            MemorySegment into = arena.allocate(5);
            assertThat(pread.call(errno, second, into.address(), 5, 5)).isEqualTo(5);
            assertThat(new String(into.toArray(ValueLayout.JAVA_BYTE), StandardCharsets.US_ASCII)).isEqualTo("hello");
            assertThat(Files.size(file)).as("written at offset 3").isEqualTo(10);

            assertThat(close.callInt(errno, first, 0, 0, 0)).isZero();
            assertThat(flock.callInt(errno, second, LOCK_EX_NB, 0, 0)).as("free once the first is closed").isZero();
            assertThat(close.callInt(errno, second, 0, 0, 0)).isZero();
        }
    }

    @ParameterizedTest(name = "shared shape: {0}")
    @ValueSource(booleans = {true, false})
    void prctlTakesItsVariadicLong(boolean shared) throws Throwable {
        IntegerDowncall prctl = function(shared, "prctl", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG), 1);
        try (Arena arena = Arena.ofConfined()) {
            assertThat(prctl.callInt(IntegerDowncall.errnoCapture(arena), PR_GET_DUMPABLE, 0, 0, 0))
                    .as("this test JVM is dumpable").isEqualTo(1);
        }
    }

    @Test
    void onlyFunctionsOfUpToFourIntegerArgumentsAndAnIntegerResultAreAccepted() {
        MemorySegment symbol = Linker.nativeLinker().defaultLookup().find("close").orElseThrow();
        assertThatThrownBy(() -> IntegerDowncall.of(symbol,
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT), -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IntegerDowncall.of(symbol, FunctionDescriptor.of(JAVA_INT, JAVA_DOUBLE), -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IntegerDowncall.of(symbol, FunctionDescriptor.ofVoid(JAVA_INT), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSharedShapeIsUsedOnlyOnTheAbisWhereItIsExact() {
        assertThat(IntegerDowncall.sharedShapeFits("Linux", "amd64")).isTrue();
        assertThat(IntegerDowncall.sharedShapeFits("Linux", "aarch64")).isTrue();
        assertThat(IntegerDowncall.sharedShapeFits("Mac OS X", "aarch64")).as("variadic arguments on the stack").isFalse();
        assertThat(IntegerDowncall.sharedShapeFits("Mac OS X", "x86_64")).isFalse();
        assertThat(IntegerDowncall.sharedShapeFits("Linux", "riscv64")).isFalse();
        assertThat(IntegerDowncall.sharedShapeFits("Windows 11", "amd64")).isFalse();
    }
}

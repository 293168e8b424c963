package dev.speckitty.adapters.storage.session.crypto;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;

/**
 * scrypt from OpenSSL's libcrypto ({@code EVP_PBE_scrypt}), called through the FFM API: in a
 * short-lived process it costs a fraction of the CPU of Java code that the JIT has not compiled
 * yet. The library is looked up at run time; {@link #load} fails where it is missing or where
 * native access is not granted ({@code Enable-Native-Access} in the jar manifest, or
 * {@code --enable-native-access=ALL-UNNAMED}).
 */
public final class OpenSslScrypt implements Scrypt {

    public static final String LIBRARY = "libcrypto.so.3";
    private static final String FUNCTION = "EVP_PBE_scrypt";

    private final String library;
    private final MethodHandle scrypt;
    private final long maxMemoryBytes;

    private OpenSslScrypt(String library, MethodHandle scrypt, long maxMemoryBytes) {
        this.library = library;
        this.scrypt = scrypt;
        this.maxMemoryBytes = maxMemoryBytes;
    }

    /** OpenSSL from {@link #LIBRARY}, allowing it the memory each derivation needs. */
    public static OpenSslScrypt load() {
        return load(LIBRARY, 0);
    }

    /**
     * @param maxMemoryBytes OpenSSL's {@code maxmem}: a derivation needing more is refused; 0
     *     allows exactly what each derivation needs
     * @throws ScryptRefusedException when the library or the function cannot be found or called
     */
    public static OpenSslScrypt load(String library, long maxMemoryBytes) {
        try {
            Linker linker = Linker.nativeLinker();
            MemoryLayout sizeT = linker.canonicalLayouts().get("size_t");
            // int EVP_PBE_scrypt(const char *pass, size_t passlen, const unsigned char *salt, size_t saltlen,
            //                    uint64_t N, uint64_t r, uint64_t p, uint64_t maxmem, unsigned char *key, size_t keylen)
            FunctionDescriptor signature = FunctionDescriptor.of(JAVA_INT, ADDRESS, sizeT, ADDRESS, sizeT,
                    JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, ADDRESS, sizeT);
            MemorySegment function = SymbolLookup.libraryLookup(library, Arena.global()).findOrThrow(FUNCTION);
            return new OpenSslScrypt(library, linker.downcallHandle(function, signature), maxMemoryBytes);
        } catch (IllegalArgumentException | IllegalCallerException | java.util.NoSuchElementException
                | UnsupportedOperationException unavailable) {
            throw new ScryptRefusedException(library + " is not usable (" + unavailable.getMessage() + ")",
                    unavailable);
        }
    }

    @Override
    public byte[] derive(byte[] passphrase, byte[] salt, ScryptParameters parameters) {
        long maxmem = maxMemoryBytes > 0 ? maxMemoryBytes : parameters.workingMemoryBytes() + (1 << 20);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment pass = copy(arena, passphrase);
            MemorySegment saltIn = copy(arena, salt);
            MemorySegment key = arena.allocate(parameters.keyLength());
            int result;
            try {
                result = (int) scrypt.invokeExact(pass, (long) passphrase.length, saltIn, (long) salt.length,
                        parameters.cost(), (long) parameters.blockSize(), (long) parameters.parallelism(), maxmem,
                        key, (long) parameters.keyLength());
            } catch (Throwable callFailed) { // broad-catch: invokeExact declares Throwable for the native call
                throw new ScryptRefusedException(FUNCTION + " could not be called", callFailed);
            } finally {
                pass.fill((byte) 0);
            }
            if (result != 1) {
                throw new ScryptRefusedException(FUNCTION + " returned " + result + " (refused the parameters)");
            }
            byte[] derived = key.toArray(JAVA_BYTE);
            key.fill((byte) 0);
            return derived;
        }
    }

    @Override
    public String toString() {
        return implementation();
    }

    @Override
    public String implementation() {
        return "OpenSSL " + library + " (" + FUNCTION + ")";
    }

    /** At least one byte, so that an empty passphrase or salt is still a valid pointer. */
    private static MemorySegment copy(Arena arena, byte[] bytes) {
        MemorySegment segment = arena.allocate(Math.max(1, bytes.length));
        MemorySegment.copy(bytes, 0, segment, JAVA_BYTE, 0, bytes.length);
        return segment;
    }
}

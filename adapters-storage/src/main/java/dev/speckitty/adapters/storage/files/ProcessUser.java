package dev.speckitty.adapters.storage.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalLong;

/** The numeric user id of this process, and of the owner of a path (POSIX only). */
public final class ProcessUser {

    private static final Path PROC_SELF = Path.of("/proc/self");
    private static final boolean WINDOWS =
            System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

    private ProcessUser() {}

    /** This process's uid; 0 on Windows, where the reference uses 0 too. Looked up once per process. */
    public static long uid() {
        return Uid.VALUE;
    }

    /** Holder idiom: the lookup runs on first use, not when the class loads. */
    private static final class Uid {
        static final long VALUE = lookUp();
    }

    private static long lookUp() {
        if (WINDOWS) {
            return 0;
        }
        try {
            return ((Number) Files.getAttribute(PROC_SELF, "unix:uid")).longValue();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException noProcfs) {
            // no /proc (macOS, BSD): ask the JDK's native helper
            return new com.sun.security.auth.module.UnixSystem().getUid();
        }
    }

    /** The owner's uid when the path itself (not followed) belongs to another user than this process. */
    public static OptionalLong foreignOwnerOf(Path path) throws IOException {
        OptionalLong owner = ownerOf(path);
        return owner.isPresent() && owner.getAsLong() != uid() ? owner : OptionalLong.empty();
    }

    /** The uid owning the path itself (a symlink is not followed); empty where there is no unix view. */
    public static OptionalLong ownerOf(Path path) throws IOException {
        return ownerOf(path, false);
    }

    /** The uid owning the path, or with {@code followLinks} what a symlink leads to; empty without a unix view. */
    public static OptionalLong ownerOf(Path path, boolean followLinks) throws IOException {
        if (WINDOWS) {
            return OptionalLong.empty();
        }
        LinkOption[] options = followLinks ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
        try {
            return OptionalLong.of(((Number) Files.getAttribute(path, "unix:uid", options)).longValue());
        } catch (UnsupportedOperationException | IllegalArgumentException noUnixView) {
            return OptionalLong.empty();
        }
    }
}

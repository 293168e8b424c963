package dev.speckitty.adapters.storage.files;

import java.io.IOException;
import java.nio.file.FileSystemException;

/**
 * A short, content-free description of an I/O failure for fix-it messages: the OS reason (e.g.
 * "Permission denied") or the exception type, never a free-form message.
 */
public final class IoProblems {

    private IoProblems() {}

    /** The file the OS complained about, when the exception names one; else {@code fallback}. */
    public static java.nio.file.Path fileOr(IOException failure, java.nio.file.Path fallback) {
        if (failure instanceof FileSystemException fs && fs.getFile() != null) {
            return java.nio.file.Path.of(fs.getFile());
        }
        return fallback;
    }

    public static String describe(IOException failure) {
        if (failure instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return failure.getClass().getSimpleName();
    }
}

package dev.speckitty.shell.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;

/** Telling from outside that another process has read a file. */
public final class FileReads {

    private FileReads() {}

    /**
     * Returns once {@code file} has been read since it was last written: its access time passes its
     * modification time (relatime updates the access time on the first read after a write). Fails
     * the test after 60 s.
     */
    public static void awaitReadSinceWritten(Path file) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!readSinceWritten(file)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for a process to read " + file);
            }
            Thread.sleep(5);
        }
    }

    private static boolean readSinceWritten(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return attributes.lastAccessTime().compareTo(attributes.lastModifiedTime()) > 0;
        } catch (IOException notThereYet) {
            return false;
        }
    }
}

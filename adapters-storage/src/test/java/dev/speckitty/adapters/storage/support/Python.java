package dev.speckitty.adapters.storage.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;


/**
 * Runs python3 as a real OS process. A missing python3 or cryptography package fails the test
 * loudly, naming what is missing; it never skips.
 */
public final class Python {

    private Python() {}

    public record Result(int exitCode, String stdout, String stderr) {}

    public static Result run(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add("python3");
        command.addAll(List.of(arguments));
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException notInstalled) {
            throw new AssertionError("python3 is required for the cross-implementation tests but could not be"
                    + " started (" + notInstalled.getMessage() + "); install python3 and the 'cryptography' package");
        }
        try {
            process.getOutputStream().close();
            var stdout = process.getInputStream().readAllBytes();
            var stderr = process.getErrorStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("python3 did not finish within 60 s: " + command);
            }
            return new Result(process.exitValue(), new String(stdout, StandardCharsets.UTF_8),
                    new String(stderr, StandardCharsets.UTF_8));
        } catch (IOException | InterruptedException failed) {
            process.destroyForcibly();
            throw new AssertionError("running python3 failed: " + failed, failed);
        }
    }

    /** Fails with a clear message unless python3 and its cryptography package are usable. */
    public static void requireCryptography() {
        Result probe = run("-c", "import cryptography");
        if (probe.exitCode() != 0) {
            throw new AssertionError("python3 is present but the 'cryptography' package is missing"
                    + " (pip install cryptography); the cross-implementation tests need it");
        }
    }

    /** The independent Python implementation of the session format; copied out when it is read from a jar. */
    public static Path compatScript() {
        URL script = Python.class.getResource("/compat/session_compat.py");
        try {
            if ("file".equals(script.getProtocol())) {
                return Path.of(script.toURI());
            }
            Path copy = Files.createTempFile("session_compat", ".py"); // from this module's test jar (shell-app's tests)
            copy.toFile().deleteOnExit();
            try (InputStream in = script.openStream()) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            return copy;
        } catch (URISyntaxException | IOException unreadable) {
            throw new IllegalStateException("cannot read " + script, unreadable);
        }
    }
}

package dev.speckitty.shell.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

/**
 * The shell's history file ({@code $SPEC_KITTY_HOME/shell_history}): one line per command, owner
 * read/write only (0600) whatever the umask, appended as each line is accepted so that shells
 * running side by side lose nothing. Kept by us rather than by the line editor, which rewrites
 * the file through a temporary file created with the umask's mode.
 *
 * <p>No command takes a secret on its command line today (tokens only ever come from the server).
 * A line that starts with a space is never recorded (bash's {@code ignorespace}), and
 * {@link #worthRecording} is the one place to refuse a future command whose line could hold one.
 */
final class ShellHistory {

    static final String FILE_NAME = "shell_history";
    /** Lines loaded at start: enough to scroll back through, small enough to read at once. */
    static final int LOADED_LINES = 1000;

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private final Path file;

    ShellHistory(Path file) {
        this.file = file;
    }

    static ShellHistory under(Path runtimeRoot) {
        return new ShellHistory(runtimeRoot.resolve(FILE_NAME));
    }

    Path file() {
        return file;
    }

    /** The last {@link #LOADED_LINES} lines, oldest first; none when there is no file yet. */
    List<String> load() throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank()).toList();
        return lines.subList(Math.max(0, lines.size() - LOADED_LINES), lines.size());
    }

    /** Whether a line may be written to disk: not blank, not hidden by a leading space. */
    static boolean worthRecording(String line) {
        return !line.isBlank() && !line.startsWith(" ") && line.indexOf('\n') < 0 && line.indexOf('\r') < 0;
    }

    /**
     * Appends the line (without the space Tab completion leaves at its end) if {@link #worthRecording};
     * creates the file (and the runtime root) owner-only.
     */
    void record(String line) throws IOException {
        if (!worthRecording(line)) {
            return;
        }
        Path parent = file.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            Files.createDirectories(parent, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
        }
        if (Files.isSymbolicLink(file)) {
            throw new IOException("not a regular file: " + file);
        }
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } catch (java.nio.file.FileAlreadyExistsException anotherShellWasFirst) {
                // fine: append below
            }
        }
        // A file left readable by an older tool or a copy is narrowed back before anything is added.
        Files.setPosixFilePermissions(file, OWNER_ONLY);
        Files.writeString(file, line.stripTrailing() + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND,
                LinkOption.NOFOLLOW_LINKS);
    }
}

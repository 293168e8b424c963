package dev.speckitty.shell.runner;

import dev.speckitty.domain.hosted.HostedUnavailableException;
import dev.speckitty.domain.port.LocalFileException;
import dev.speckitty.domain.session.SessionStorageException;
import dev.speckitty.shell.command.CommandFailedException;
import dev.speckitty.shell.command.Surface;
import dev.speckitty.shell.command.UsageException;
import dev.speckitty.shell.render.SnakeCase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The failure document of the {@code --json} contract: every command run with {@code --json}
 * prints exactly one JSON document on stdout, and when it fails that document is
 * {@code {"error": {"code", "message", "action"}}} with the taxonomy's snake_case code. The human
 * lines still go to stderr.
 */
final class JsonFailure {

    static final String LOGGED_OUT = "logged_out_on_connected_teamspace";
    static final String LOCAL_FILE_UNUSABLE = "local_file_unusable";
    /** The status symbol of a human line ({@code X Not authenticated}) is no part of the message. */
    private static final Pattern LEADING_SYMBOL = Pattern.compile("^[X✗✓!+i•] ");

    private JsonFailure() {}

    /** Whether the words ask for JSON ({@code --json}, {@code --json=true}) before any {@code --}. */
    static boolean requested(List<String> words) {
        for (String word : words) {
            if (word.equals("--")) {
                return false;
            }
            if (word.equals("--json") || word.equals("--json=true")) {
                return true;
            }
        }
        return false;
    }

    /** The document for what escaped a command; never an exception message we do not own. */
    static Map<String, Object> of(Throwable failure, String topic, Surface surface) {
        return switch (failure) {
            case UsageException usage -> document("usage_error", usage.getMessage(),
                    surface.helpHint(usage.topic().orElse(topic)));
            case CommandFailedException failed -> document(failed.code(), failed.getMessage(),
                    failed.hints().isEmpty() ? null : failed.hints().getFirst().strip());
            case HostedUnavailableException noServer -> of(CommandFailedException.of(noServer.address()), topic, surface);
            case SessionStorageException storage -> document(SnakeCase.of(storage.problem()), storage.getMessage(),
                    "Run spec-kitty auth doctor for details.");
            // The message names the file and the next step and never the file's content (LocalFileException).
            case LocalFileException localFile -> document(LOCAL_FILE_UNUSABLE, localFile.getMessage(), null);
            case InterruptedException interrupted -> document("interrupted", "Interrupted.", null);
            default -> document("internal_error", "internal error in '" + topic + "' ("
                    + failure.getClass().getSimpleName() + ")", null);
        };
    }

    /** The document for a command that ended with a failing exit code without printing one. */
    static Map<String, Object> of(ExitCode code, String description) {
        if (code == ExitCode.LOGGED_OUT_ON_CONNECTED_TEAMSPACE) {
            return document(LOGGED_OUT, "Logged out on a connected Teamspace.", "Run spec-kitty auth login.");
        }
        return document(code == ExitCode.INTERRUPTED ? "interrupted" : "command_failed", description, null);
    }

    private static Map<String, Object> document(String code, String message, String action) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message == null ? null : LEADING_SYMBOL.matcher(message).replaceFirst(""));
        error.put("action", action);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("error", error);
        return document;
    }
}

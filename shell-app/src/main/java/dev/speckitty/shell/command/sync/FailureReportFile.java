package dev.speckitty.shell.command.sync;

import dev.speckitty.adapters.storage.files.IoProblems;
import dev.speckitty.application.sync.SyncReport;
import dev.speckitty.shell.command.CommandFailedException;
import dev.speckitty.shell.render.JsonOutput;
import dev.speckitty.shell.render.SyncReportRendering;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;

/**
 * {@code sync now --report FILE}: the run's report document (the {@code --json} shape) written to
 * FILE when any event failed, whole or not at all: a temp file renamed into place, removed again
 * when anything fails (disk full).
 */
final class FailureReportFile {

    private FailureReportFile() {}

    /** Writes the report if there are failures and returns the line that says what happened. */
    static String write(Path file, SyncReport report, Instant at) {
        if (report.failed() == 0) {
            return "No failures to report.";
        }
        String json = JsonOutput.toJson(SyncReportRendering.document(report, at));
        Path temporary = null;
        try {
            Path parent = file.toAbsolutePath().getParent();
            temporary = Files.createTempFile(parent, ".sync-report", ".tmp");
            Files.writeString(temporary, json + System.lineSeparator(), StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            temporary = null;
        } catch (IOException failed) {
            throw new CommandFailedException("Could not write the failure report to " + file + " ("
                    + IoProblems.describe(failed) + "). The sync itself is done; free some space or choose another"
                    + " --report path to get the report next time.");
        } finally {
            removeQuietly(temporary);
        }
        return "Failure report written to " + file;
    }

    private static void removeQuietly(Path temporary) {
        if (temporary != null) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException leftBehind) {
                // the report failure is the news; a stray temp file is named by its .tmp suffix
            }
        }
    }
}

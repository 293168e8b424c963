package dev.speckitty.shell.command.sync;

import dev.speckitty.adapters.storage.files.IoProblems;
import dev.speckitty.application.sync.SyncNow;
import dev.speckitty.application.sync.SyncOutcome;
import dev.speckitty.application.sync.SyncProgress;
import dev.speckitty.application.sync.SyncReport;
import dev.speckitty.shell.command.CommandFailedException;
import dev.speckitty.shell.command.OptionSpecs;
import dev.speckitty.shell.command.ParsedOptions;
import dev.speckitty.shell.command.SpecKittyCommand;
import dev.speckitty.shell.command.UsageException;
import dev.speckitty.shell.settings.Interactivity;
import dev.speckitty.shell.render.JsonOutput;
import dev.speckitty.shell.render.SyncReportRendering;
import dev.speckitty.shell.runner.ExitCode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.ExitStatus;

/**
 * {@code sync now [--report FILE] [--strict|--no-strict] [--json]}: send the local queue to the
 * hosted batch ingress and tell the truth about every event. Exit 1 under {@code --strict} (the
 * default) when any event failed; exit 4 only for a logged-out run on a connected Teamspace.
 */
public final class SyncNowCommand extends SpecKittyCommand {

    private static final String REPORT = "report";
    private static final String STRICT = "strict";
    private static final String NO_STRICT = "no-strict";

    private final SyncNow syncNow;
    private final Interactivity interactivity;
    private final LoggedOutRecovery recovery;
    private final Clock clock;
    private final SyncProgress progress;

    public SyncNowCommand(SyncNow syncNow, Interactivity interactivity, LoggedOutRecovery recovery, Clock clock,
            SyncProgress progress) {
        super("sync now", "Send queued events to the hosted batch ingress.", SyncGroup.NAME, List.of(
                OptionSpecs.valued(REPORT, "Write the failure report (JSON) to FILE"),
                OptionSpecs.flag(STRICT, "Exit 1 when any event failed (default)"),
                OptionSpecs.flag(NO_STRICT, "Exit 0 even when events failed"),
                OptionSpecs.flag(SyncGroup.JSON, "Print one JSON document (the report shape)")));
        this.syncNow = syncNow;
        this.interactivity = interactivity;
        this.recovery = recovery;
        this.clock = clock;
        this.progress = progress;
    }

    @Override
    public ExitStatus execute(CommandContext context) {
        if (ParsedOptions.flag(context, STRICT) && ParsedOptions.flag(context, NO_STRICT)) {
            throw new UsageException("--strict and --no-strict cannot be used together");
        }
        boolean strict = !ParsedOptions.flag(context, NO_STRICT);
        boolean json = ParsedOptions.flag(context, SyncGroup.JSON);
        PrintWriter out = context.outputWriter();
        SyncOutcome outcome = syncNow.run(interactivity.saasSyncEnabled(), progress);
        return switch (outcome) {
            case SyncOutcome.Disabled disabled -> {
                if (json) {
                    JsonOutput.print(out, status("disabled", SyncGroup.ROLLOUT_OFF));
                } else {
                    out.println(SyncGroup.ROLLOUT_OFF);
                    out.println("Set SPEC_KITTY_ENABLE_SAAS_SYNC=1 to enable upload.");
                }
                yield ExitStatus.OK;
            }
            case SyncOutcome.QueueEmpty empty -> {
                if (json) {
                    JsonOutput.print(out, status("queue_empty", "Queue is empty, nothing to sync."));
                } else {
                    out.println("Queue is empty, nothing to sync.");
                }
                yield ExitStatus.OK;
            }
            case SyncOutcome.Completed completed -> report(context, completed.report(), strict, json, true);
        };
    }

    private ExitStatus report(CommandContext context, SyncReport report, boolean strict, boolean json,
            boolean mayRecover) {
        PrintWriter out = context.outputWriter();
        Map<String, Object> document = SyncReportRendering.document(report, clock.instant());
        if (json) {
            JsonOutput.print(out, document);
        } else {
            out.println("Syncing " + report.totalEvents() + " queued event(s)...");
            SyncReportRendering.summary(out, report);
        }
        ParsedOptions.value(context, REPORT).ifPresent(file -> {
            if (report.failed() == 0) {
                if (!json) {
                    out.println("No failures to report.");
                }
            } else {
                writeReport(Path.of(file), JsonOutput.toJson(document));
                if (!json) {
                    out.println("Failure report written to " + file);
                }
            }
        });
        out.flush();
        if (mayRecover && report.unauthenticatedLocally()) {
            switch (recovery.handle("sync now")) {
                // Logged out on a connected Teamspace and nothing was sent: 4, whatever the person chose.
                case EXIT_4, SKIPPED, QUIT -> {
                    return ExitCode.LOGGED_OUT_ON_CONNECTED_TEAMSPACE.status("logged out");
                }
                case LOGGED_IN -> {
                    out.println("Logged in. Sending the queue now.");
                    return again(context, strict, json);
                }
                case NO_TEAMSPACE -> { }
            }
        }
        return strict && report.failed() > 0 ? ExitCode.FAILED.status("events failed") : ExitStatus.OK;
    }

    /** The run after a successful login at the prompt: reported like any run, never prompting again. */
    private ExitStatus again(CommandContext context, boolean strict, boolean json) {
        return switch (syncNow.run(interactivity.saasSyncEnabled(), progress)) {
            case SyncOutcome.Completed completed -> report(context, completed.report(), strict, json, false);
            default -> ExitStatus.OK; // the queue emptied meanwhile (another process sent it)
        };
    }

    /** Whole or not at all: a temp file renamed into place, and removed again when anything fails (disk full). */
    private static void writeReport(Path file, String json) {
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

    private static Map<String, Object> status(String status, String message) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("status", status);
        document.put("message", message);
        return document;
    }
}

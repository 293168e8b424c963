package dev.speckitty.shell.command.sync;

import dev.speckitty.application.sync.SyncNow;
import dev.speckitty.application.sync.SyncOutcome;
import dev.speckitty.application.sync.SyncProgress;
import dev.speckitty.application.sync.SyncReport;
import dev.speckitty.shell.command.OptionSpecs;
import dev.speckitty.shell.command.Outcome;
import dev.speckitty.shell.command.ParsedOptions;
import dev.speckitty.shell.command.ResultCommand;
import dev.speckitty.shell.command.UsageException;
import dev.speckitty.shell.render.SyncNowViews;
import dev.speckitty.shell.command.Exit;
import dev.speckitty.shell.settings.Interactivity;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.shell.core.command.CommandContext;

/**
 * {@code sync now [--report FILE] [--strict|--no-strict] [--json]}: send the local queue to the
 * hosted batch ingress and tell the truth about every event. Exit 1 under {@code --strict} (the
 * default) when any event failed; exit 4 only for a logged-out run on a connected Teamspace. The
 * runner renders the result: every run as text, or the last run's report as the one document.
 */
public final class SyncNowCommand extends ResultCommand {

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
    public Outcome<?> run(CommandContext context) {
        if (ParsedOptions.flag(context, STRICT) && ParsedOptions.flag(context, NO_STRICT)) {
            throw new UsageException("--strict and --no-strict cannot be used together");
        }
        boolean strict = !ParsedOptions.flag(context, NO_STRICT);
        Optional<Path> reportFile = ParsedOptions.value(context, REPORT).map(Path::of);
        return switch (syncNow.run(interactivity.saasSyncEnabled(), progress)) {
            case SyncOutcome.Disabled disabled -> Outcome.ok(SyncNowViews.Idle.DISABLED, new SyncNowViews.Nothing());
            case SyncOutcome.QueueEmpty empty -> Outcome.ok(SyncNowViews.Idle.QUEUE_EMPTY, new SyncNowViews.Nothing());
            case SyncOutcome.Completed completed -> sent(completed.report(), strict, reportFile);
        };
    }

    private Outcome<SyncNowViews.Sent> sent(SyncReport first, boolean strict, Optional<Path> reportFile) {
        List<SyncNowViews.Run> runs = new ArrayList<>(List.of(run(first, reportFile)));
        if (first.unauthenticatedLocally()) {
            switch (recovery.handle("sync now")) {
                // Logged out on a connected Teamspace and nothing was sent: 4, whatever the person chose.
                case EXIT_4, SKIPPED, QUIT -> {
                    return Outcome.failed(new SyncNowViews.Sent(runs, true), new SyncNowViews.Report(),
                            Exit.LOGGED_OUT_ON_CONNECTED_TEAMSPACE, "logged out");
                }
                // Sent again after the login, never prompting again; the queue may have emptied meanwhile.
                case LOGGED_IN -> {
                    if (syncNow.run(interactivity.saasSyncEnabled(), progress) instanceof SyncOutcome.Completed again) {
                        runs.add(run(again.report(), reportFile));
                    }
                }
                case NO_TEAMSPACE -> { }
            }
        }
        SyncNowViews.Sent sent = new SyncNowViews.Sent(runs, false);
        return strict && sent.last().report().failed() > 0
                ? Outcome.failed(sent, new SyncNowViews.Report(), Exit.FAILED, "events failed")
                : Outcome.ok(sent, new SyncNowViews.Report());
    }

    private SyncNowViews.Run run(SyncReport report, Optional<Path> reportFile) {
        Instant at = clock.instant();
        return new SyncNowViews.Run(report, at, reportFile.map(file -> FailureReportFile.write(file, report, at))
                .orElse(null));
    }
}

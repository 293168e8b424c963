package dev.speckitty.shell.command.sync;

import dev.speckitty.application.sync.CheckSyncSetup;
import dev.speckitty.application.sync.SyncSetupReport;
import dev.speckitty.shell.command.OptionSpecs;
import dev.speckitty.shell.command.Outcome;
import dev.speckitty.shell.command.ParsedOptions;
import dev.speckitty.shell.command.ResultCommand;
import dev.speckitty.shell.render.SyncSetupViews;
import dev.speckitty.shell.command.Exit;
import java.util.List;
import org.springframework.shell.core.command.CommandContext;

/**
 * {@code sync status [--check] [--json]}: queue size, configuration and the auth row (answered
 * from the hot path when fresh); {@code --check} also asks the hosted health endpoint (2 s) and,
 * logged out on a connected Teamspace, exits 4.
 */
public final class SyncStatusCommand extends ResultCommand {

    private final CheckSyncSetup checkSyncSetup;
    private final LoggedOutRecovery recovery;

    public SyncStatusCommand(CheckSyncSetup checkSyncSetup, LoggedOutRecovery recovery) {
        super("sync status", "Show queue size, hosted configuration and auth state (--check: reachability too).",
                SyncGroup.NAME, List.of(OptionSpecs.flag("check", "Also check that the hosted service answers"),
                        OptionSpecs.flag(SyncGroup.JSON, "Print one JSON document")));
        this.checkSyncSetup = checkSyncSetup;
        this.recovery = recovery;
    }

    @Override
    public Outcome<SyncSetupReport> run(CommandContext context) {
        boolean check = ParsedOptions.flag(context, "check");
        SyncSetupReport setup = checkSyncSetup.check(check);
        return Outcome.shownThen(setup, new SyncSetupViews.Status(), () -> {
            if (check && !setup.authenticated() && recovery.handle("sync status") == LoggedOutRecovery.Decision.EXIT_4) {
                return new Outcome.Ending(Exit.LOGGED_OUT_ON_CONNECTED_TEAMSPACE, "logged out");
            }
            return setup.unreachable() ? new Outcome.Ending(Exit.FAILED, "unreachable") : Outcome.Ending.OK;
        });
    }
}

package dev.speckitty.shell.command.sync;

import dev.speckitty.application.sync.CheckSyncSetup;
import dev.speckitty.application.sync.SyncSetupReport;
import dev.speckitty.shell.command.Outcome;
import dev.speckitty.shell.command.ResultCommand;
import dev.speckitty.shell.render.SyncSetupViews;
import dev.speckitty.shell.command.Exit;
import java.util.List;
import org.springframework.shell.core.command.CommandContext;

/**
 * {@code sync doctor}: reports what stands between this machine and a working sync. Exit 1 when a
 * check failed with sync enabled, 4 logged out on a connected Teamspace, else 0 (sync not enabled
 * is reported with how to opt in, exit 0).
 */
public final class SyncDoctorCommand extends ResultCommand {

    private final CheckSyncSetup checkSyncSetup;
    private final LoggedOutRecovery recovery;

    public SyncDoctorCommand(CheckSyncSetup checkSyncSetup, LoggedOutRecovery recovery) {
        super("sync doctor", "Diagnose hosted sync: rollout, configuration, auth, queue and reachability.",
                SyncGroup.NAME, List.of());
        this.checkSyncSetup = checkSyncSetup;
        this.recovery = recovery;
    }

    @Override
    public Outcome<SyncSetupReport> run(CommandContext context) {
        SyncSetupReport setup = checkSyncSetup.check(true);
        return Outcome.shownThen(setup, new SyncSetupViews.Doctor(), () -> {
            if (!setup.authenticated() && recovery.handle("sync doctor") == LoggedOutRecovery.Decision.EXIT_4) {
                return new Outcome.Ending(Exit.LOGGED_OUT_ON_CONNECTED_TEAMSPACE, "logged out");
            }
            return setup.doctorFailed() ? new Outcome.Ending(Exit.FAILED, "check failed") : Outcome.Ending.OK;
        });
    }
}

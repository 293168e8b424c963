package dev.speckitty.shell.command.sync;

import dev.speckitty.application.sync.CheckSyncSetup;
import dev.speckitty.application.sync.SyncSetupReport;
import dev.speckitty.shell.command.OptionSpecs;
import dev.speckitty.shell.command.ParsedOptions;
import dev.speckitty.shell.command.SpecKittyCommand;
import dev.speckitty.shell.render.JsonOutput;
import dev.speckitty.shell.runner.ExitCode;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.ExitStatus;

/**
 * {@code sync doctor}: reports what stands between this machine and a working sync. Exit 1 when a
 * check failed with sync enabled, 4 logged out on a connected Teamspace, else 0 (sync not enabled
 * is reported with how to opt in, exit 0).
 */
public final class SyncDoctorCommand extends SpecKittyCommand {

    private final CheckSyncSetup checkSyncSetup;
    private final LoggedOutRecovery recovery;

    public SyncDoctorCommand(CheckSyncSetup checkSyncSetup, LoggedOutRecovery recovery) {
        super("sync doctor", "Diagnose hosted sync: rollout, configuration, auth, queue and reachability.",
                SyncGroup.NAME, List.of());
        this.checkSyncSetup = checkSyncSetup;
        this.recovery = recovery;
    }

    @Override
    public ExitStatus execute(CommandContext context) {
        PrintWriter out = context.outputWriter();
        SyncSetupReport setup = checkSyncSetup.check(true);
        List<String> problems = setup.problems();
        if (ParsedOptions.flag(context, OptionSpecs.JSON)) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("sync_enabled", setup.syncEnabled());
            document.put("server_url", setup.serverUrl().orElse(null));
            document.put("auth", setup.auth().machineName());
            document.put("queue_size", setup.queueSize());
            document.put("problems", problems);
            JsonOutput.print(out, document);
        } else {
            out.println("Sync doctor");
            out.println("  Queue: " + setup.queueSize() + " event(s) pending");
            if (problems.isEmpty()) {
                out.println("  No problems detected.");
            }
            problems.forEach(problem -> out.println("  ! " + problem));
            out.flush();
        }
        if (!setup.authenticated() && recovery.handle("sync doctor") == LoggedOutRecovery.Decision.EXIT_4) {
            return new ExitStatus(ExitCode.LOGGED_OUT_ON_CONNECTED_TEAMSPACE.code(), "logged out");
        }
        return setup.doctorFailed() ? new ExitStatus(ExitCode.FAILED.code(), "check failed") : ExitStatus.OK;
    }
}

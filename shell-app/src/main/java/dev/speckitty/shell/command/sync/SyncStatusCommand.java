package dev.speckitty.shell.command.sync;

import dev.speckitty.application.auth.SessionPresence.Presence;
import dev.speckitty.application.sync.CheckSyncSetup;
import dev.speckitty.application.sync.SyncSetupReport;
import dev.speckitty.domain.text.UntrustedText;
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
 * {@code sync status [--check] [--json]}: queue size, configuration and the auth row (answered
 * from the hot path when fresh); {@code --check} also asks the hosted health endpoint (2 s) and,
 * logged out on a connected Teamspace, exits 4.
 */
public final class SyncStatusCommand extends SpecKittyCommand {

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
    public ExitStatus execute(CommandContext context) {
        boolean check = ParsedOptions.flag(context, "check");
        SyncSetupReport setup = checkSyncSetup.check(check);
        PrintWriter out = context.outputWriter();
        if (ParsedOptions.flag(context, SyncGroup.JSON)) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("sync_enabled", setup.syncEnabled());
            document.put("server_url", setup.serverUrl().orElse(null));
            document.put("queue_size", setup.queueSize());
            document.put("auth", setup.auth().machineName());
            document.put("reachable", setup.reachable().orElse(null));
            JsonOutput.print(out, document);
        } else {
            out.println("Hosted sync:  " + (setup.syncEnabled() ? "enabled" : "disabled"));
            out.println("Server:       " + UntrustedText.line(setup.serverUrl().orElse("not configured")));
            out.println("Queue:        " + setup.queueSize() + " event(s) pending");
            out.println("Auth:         " + authRow(setup.auth()));
            setup.reachable().ifPresent(reachable -> out.println("Reachable:    "
                    + (reachable ? "yes" : "no (" + setup.unreachableBecause() + ")")));
            setup.nextStep().ifPresent(out::println);
            out.flush();
        }
        if (check && !setup.authenticated() && recovery.handle("sync status") == LoggedOutRecovery.Decision.EXIT_4) {
            return new ExitStatus(ExitCode.LOGGED_OUT_ON_CONNECTED_TEAMSPACE.code(), "logged out");
        }
        return setup.unreachable() ? new ExitStatus(ExitCode.FAILED.code(), "unreachable") : ExitStatus.OK;
    }

    private static String authRow(Presence auth) {
        return switch (auth) {
            case AUTHENTICATED -> "Authenticated";
            case NOT_AUTHENTICATED -> "Not authenticated";
            case REFRESH_EXPIRED -> "Session expired";
            case UNREADABLE -> "Session file cannot be used (run spec-kitty auth doctor)";
        };
    }
}

package dev.speckitty.shell.command.sync;

import dev.speckitty.application.auth.SessionPresence;
import dev.speckitty.application.auth.SessionPresence.Presence;
import dev.speckitty.domain.port.EventQueue;
import dev.speckitty.domain.port.HostedHealth;
import dev.speckitty.shell.command.OptionSpecs;
import dev.speckitty.shell.command.ParsedOptions;
import dev.speckitty.shell.command.SpecKittyCommand;
import dev.speckitty.shell.render.JsonOutput;
import dev.speckitty.shell.config.HostedTarget;
import dev.speckitty.shell.config.Interactivity;
import dev.speckitty.shell.runner.ExitCode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.ExitStatus;

/**
 * {@code sync doctor}: reports what stands between this machine and a working sync. Exit 1 when a
 * check failed with sync enabled, 4 logged out on a connected Teamspace, else 0 (sync not enabled
 * is reported with how to opt in, exit 0).
 */
public final class SyncDoctorCommand extends SpecKittyCommand {

    private final EventQueue queue;
    private final SessionPresence presence;
    private final HostedTarget target;
    private final HostedHealth health;
    private final Interactivity interactivity;
    private final LoggedOutRecovery recovery;

    public SyncDoctorCommand(EventQueue queue, SessionPresence presence, HostedTarget target, HostedHealth health,
            Interactivity interactivity, LoggedOutRecovery recovery) {
        super("sync doctor", "Diagnose hosted sync: rollout, configuration, auth, queue and reachability.",
                SyncGroup.NAME, List.of());
        this.queue = queue;
        this.presence = presence;
        this.target = target;
        this.health = health;
        this.interactivity = interactivity;
        this.recovery = recovery;
    }

    @Override
    public ExitStatus execute(CommandContext context) {
        PrintWriter out = context.outputWriter();
        List<String> issues = new ArrayList<>();
        if (!interactivity.saasSyncEnabled()) {
            issues.add(SyncGroup.ROLLOUT_OFF);
        }
        Optional<String> url = target.baseUrl();
        if (url.isEmpty()) {
            issues.add("No hosted server is configured. Set SPEC_KITTY_SAAS_URL or [sync] server_url in config.toml.");
        }
        Presence auth = presence.check();
        switch (auth) {
            case NOT_AUTHENTICATED -> issues.add("Not authenticated. Run `spec-kitty auth login`.");
            case REFRESH_EXPIRED -> issues.add(
                    "Both access and refresh tokens are expired. Run `spec-kitty auth login` to re-authenticate.");
            case UNREADABLE -> issues.add("The session file cannot be used. Run `spec-kitty auth doctor` for details.");
            case AUTHENTICATED -> { }
        }
        long pending = queue.size();
        if (url.isPresent() && interactivity.saasSyncEnabled() && !health.reachable(SyncStatusCommand.HEALTH_TIMEOUT)) {
            issues.add("The configured SaaS host did not respond within 2 seconds. Check network connectivity to `"
                    + url.get() + "` and retry.");
        }
        if (ParsedOptions.flag(context, OptionSpecs.JSON)) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("sync_enabled", interactivity.saasSyncEnabled());
            document.put("server_url", url.orElse(null));
            document.put("auth", auth.machineName());
            document.put("queue_size", pending);
            document.put("problems", issues);
            JsonOutput.print(out, document);
        } else {
            out.println("Sync doctor");
            out.println("  Queue: " + pending + " event(s) pending");
            if (issues.isEmpty()) {
                out.println("  No problems detected.");
            }
            issues.forEach(issue -> out.println("  ! " + issue));
            out.flush();
        }
        if (auth != Presence.AUTHENTICATED && recovery.handle("sync doctor") == LoggedOutRecovery.Decision.EXIT_4) {
            return new ExitStatus(ExitCode.LOGGED_OUT_ON_CONNECTED_TEAMSPACE.code(), "logged out");
        }
        // Sync switched off is a choice, not a fault (docs/spec/README.md §4: say how to opt in, exit 0).
        boolean checkFailed = interactivity.saasSyncEnabled() && !issues.isEmpty();
        return checkFailed ? new ExitStatus(ExitCode.FAILED.code(), "check failed") : ExitStatus.OK;
    }
}

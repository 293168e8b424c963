package dev.speckitty.shell.command.sync;

import dev.speckitty.application.auth.SessionPresence;
import dev.speckitty.application.auth.SessionPresence.Presence;
import dev.speckitty.domain.port.EventQueue;
import dev.speckitty.domain.port.HostedHealth;
import dev.speckitty.domain.text.UntrustedText;
import dev.speckitty.shell.command.OptionSpecs;
import dev.speckitty.shell.command.ParsedOptions;
import dev.speckitty.shell.command.SpecKittyCommand;
import dev.speckitty.shell.config.HostedTarget;
import dev.speckitty.shell.config.Interactivity;
import dev.speckitty.shell.render.JsonOutput;
import dev.speckitty.shell.runner.ExitCode;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.ExitStatus;

/**
 * {@code sync status [--check] [--json]}: queue size, configuration and the auth row (answered
 * from the hot path when fresh); {@code --check} also asks the hosted health endpoint (2 s) and,
 * logged out on a connected Teamspace, exits 4.
 */
public final class SyncStatusCommand extends SpecKittyCommand {

    static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(2);

    private final EventQueue queue;
    private final SessionPresence presence;
    private final HostedTarget target;
    private final HostedHealth health;
    private final Interactivity interactivity;
    private final LoggedOutRecovery recovery;

    public SyncStatusCommand(EventQueue queue, SessionPresence presence, HostedTarget target, HostedHealth health,
            Interactivity interactivity, LoggedOutRecovery recovery) {
        super("sync status", "Show queue size, hosted configuration and auth state (--check: reachability too).",
                SyncGroup.NAME, List.of(OptionSpecs.flag("check", "Also check that the hosted service answers"),
                        OptionSpecs.flag(SyncGroup.JSON, "Print one JSON document")));
        this.queue = queue;
        this.presence = presence;
        this.target = target;
        this.health = health;
        this.interactivity = interactivity;
        this.recovery = recovery;
    }

    @Override
    public ExitStatus execute(CommandContext context) {
        boolean check = ParsedOptions.flag(context, "check");
        Presence auth = presence.check();
        Optional<String> url = target.baseUrl();
        HostedHealth.Check health = check && url.isPresent() && interactivity.saasSyncEnabled()
                ? this.health.check(HEALTH_TIMEOUT) : null;
        Boolean reachable = health == null ? null : health.reachable();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("sync_enabled", interactivity.saasSyncEnabled());
        document.put("server_url", url.orElse(null));
        document.put("queue_size", queue.size());
        document.put("auth", auth.machineName());
        document.put("reachable", reachable);
        PrintWriter out = context.outputWriter();
        if (ParsedOptions.flag(context, SyncGroup.JSON)) {
            JsonOutput.print(out, document);
        } else {
            out.println("Hosted sync:  " + (interactivity.saasSyncEnabled() ? "enabled" : "disabled"));
            out.println("Server:       " + UntrustedText.line(url.orElse("not configured")));
            out.println("Queue:        " + document.get("queue_size") + " event(s) pending");
            out.println("Auth:         " + authRow(auth));
            if (reachable != null) {
                out.println("Reachable:    " + (reachable ? "yes" : "no (" + health.problem() + ")"));
            }
            // The next step is the first missing piece: opt in, then a server, then a session.
            if (!interactivity.saasSyncEnabled()) {
                out.println("Set SPEC_KITTY_ENABLE_SAAS_SYNC=1 to opt in to hosted sync on this machine.");
            } else if (url.isEmpty()) {
                out.println("Set SPEC_KITTY_SAAS_URL (or [sync] server_url in config.toml) to the hosted service.");
            } else if (auth == Presence.NOT_AUTHENTICATED) {
                out.println("Run `spec-kitty auth login` to connect.");
            } else if (auth == Presence.REFRESH_EXPIRED) {
                out.println("Run `spec-kitty auth login` to re-authenticate.");
            }
            out.flush();
        }
        if (check && auth != Presence.AUTHENTICATED && recovery.handle("sync status") == LoggedOutRecovery.Decision.EXIT_4) {
            return new ExitStatus(ExitCode.LOGGED_OUT_ON_CONNECTED_TEAMSPACE.code(), "logged out");
        }
        return Boolean.FALSE.equals(reachable) ? new ExitStatus(ExitCode.FAILED.code(), "unreachable") : ExitStatus.OK;
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

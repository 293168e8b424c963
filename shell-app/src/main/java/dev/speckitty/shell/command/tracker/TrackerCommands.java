package dev.speckitty.shell.command.tracker;

import dev.speckitty.application.tracker.BindTracker;
import dev.speckitty.application.tracker.Readiness;
import dev.speckitty.application.tracker.TrackerWorkflow;
import dev.speckitty.domain.teamspace.TrackerBinding;
import dev.speckitty.domain.text.UntrustedText;
import dev.speckitty.domain.tracker.TrackerResult;
import dev.speckitty.shell.command.CommandFailedException;
import dev.speckitty.shell.command.OptionSpecs;
import dev.speckitty.shell.command.ParsedOptions;
import dev.speckitty.shell.command.SpecKittyCommand;
import dev.speckitty.shell.command.UsageException;
import dev.speckitty.shell.command.sync.LoggedOutRecovery;
import dev.speckitty.shell.config.HostedTarget;
import dev.speckitty.shell.config.Interactivity;
import dev.speckitty.shell.render.JsonOutput;
import dev.speckitty.shell.render.TrackerText;
import dev.speckitty.shell.runner.ExitCode;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.ExitStatus;

/**
 * {@code tracker bind|status|pull}: tracker-bound hosted workflows. Status and pull pass the
 * readiness gate first: sync not enabled on this machine says how to opt in (exit 0, no network);
 * no usable session on a connected Teamspace is the logged-out case (exit 4, as for sync now);
 * any other failing state goes to stderr with the next action, exit 1.
 */
public final class TrackerCommands {

    static final String GROUP = "Tracker";

    private TrackerCommands() {}

    /** {@code tracker bind --provider P [--binding-ref R] [--project-slug S] [--workspace W]}. */
    public static final class Bind extends SpecKittyCommand {
        private final BindTracker bindTracker;

        public Bind(BindTracker bindTracker) {
            super("tracker bind", "Bind this repository to a tracker (writes tracker: in .kittify/config.yaml).",
                    GROUP, List.of(OptionSpecs.required("provider", "linear, jira, github, gitlab, beads or fp"),
                            OptionSpecs.valued("binding-ref", "The hosted tracker binding reference"),
                            OptionSpecs.valued("project-slug", "The tracker project slug"),
                            OptionSpecs.valued("workspace", "Workspace of a local provider (beads, fp)")));
            this.bindTracker = bindTracker;
        }

        @Override
        public ExitStatus execute(CommandContext context) {
            TrackerBinding binding = new TrackerBinding(
                    ParsedOptions.value(context, "provider").orElseThrow(() -> new UsageException("tracker bind needs --provider")),
                    ParsedOptions.value(context, "binding-ref").orElse(null),
                    ParsedOptions.value(context, "project-slug").orElse(null),
                    ParsedOptions.value(context, "workspace").orElse(null));
            switch (bindTracker.bind(binding)) {
                case INCOMPLETE -> throw new UsageException("a hosted provider needs --binding-ref or --project-slug;"
                        + " beads and fp need --workspace");
                case NOT_IN_A_PROJECT -> throw new CommandFailedException(
                        "Not inside a spec-kitty project (no .kittify/ directory here or above).");
                case BOUND -> { }
            }
            if (ParsedOptions.flag(context, OptionSpecs.JSON)) {
                Map<String, Object> document = new LinkedHashMap<>();
                document.put("status", "bound");
                document.put("provider", binding.provider());
                JsonOutput.print(context.outputWriter(), document);
            } else {
                context.outputWriter().println("+ Tracker bound: " + UntrustedText.line(binding.provider()));
            }
            return ExitStatus.OK;
        }
    }

    /** {@code tracker status [--json]} and {@code tracker pull [--json]}. */
    public static final class Call extends SpecKittyCommand {
        private final TrackerWorkflow workflow;
        private final HostedTarget target;
        private final Interactivity interactivity;
        private final LoggedOutRecovery recovery;
        private final Supplier<PrintWriter> err;
        private final boolean pull;

        public Call(boolean pull, TrackerWorkflow workflow, HostedTarget target, Interactivity interactivity,
                LoggedOutRecovery recovery, Supplier<PrintWriter> err) {
            super(pull ? "tracker pull" : "tracker status",
                    pull ? "Pull tracker items for this repository's binding." : "Show the hosted tracker status.",
                    GROUP, List.of(OptionSpecs.flag("json", "Print one JSON document")));
            this.workflow = workflow;
            this.target = target;
            this.interactivity = interactivity;
            this.recovery = recovery;
            this.err = err;
            this.pull = pull;
        }

        @Override
        public ExitStatus execute(CommandContext context) {
            Readiness readiness = workflow.readiness(interactivity.saasSyncEnabled(), target.baseUrl().isPresent(), true);
            if (readiness == Readiness.ROLLOUT_DISABLED) { // opt-in per machine: say how, exit 0, no network
                return disabled(context, readiness);
            }
            if (readiness == Readiness.MISSING_AUTH) {
                switch (recovery.handle(getName())) {
                    case EXIT_4, SKIPPED, QUIT -> {
                        return new ExitStatus(ExitCode.LOGGED_OUT_ON_CONNECTED_TEAMSPACE.code(), "logged out");
                    }
                    case NO_TEAMSPACE -> throw new CommandFailedException(readiness.message(null),
                            "  " + recovery.whyNoSession(), "  " + readiness.nextAction(null));
                    case LOGGED_IN -> readiness = workflow.readiness(true, target.baseUrl().isPresent(), true);
                }
            }
            if (readiness != Readiness.READY) {
                throw new CommandFailedException(readiness.message(workflow.featureSlug().map(UntrustedText::line).orElse(null)),
                        readiness.nextAction(target.baseUrl().map(UntrustedText::line).orElse(null)));
            }
            TrackerResult result = pull ? workflow.pull() : workflow.status();
            return switch (result) {
                case TrackerResult.Ok ok -> {
                    PrintWriter out = context.outputWriter();
                    if (ParsedOptions.flag(context, "json")) {
                        JsonOutput.print(out, ok.body());
                    } else {
                        TrackerText.print(out, ok.body());
                    }
                    yield ExitStatus.OK;
                }
                case TrackerResult.Failed failed -> fail(context, failed.errorCode(), failed.message(), failed.status());
                case TrackerResult.Unreachable unreachable ->
                        fail(context, "retryable_transport", unreachable.message(), null);
                case TrackerResult.Unauthorized unauthorized -> fail(context, "session_expired",
                        "Session expired. Run `spec-kitty auth login` to re-authenticate.", 401);
            };
        }

        private static ExitStatus disabled(CommandContext context, Readiness readiness) {
            PrintWriter out = context.outputWriter();
            if (ParsedOptions.flag(context, "json")) {
                Map<String, Object> document = new LinkedHashMap<>();
                document.put("status", "disabled");
                document.put("message", readiness.message(null) + " " + readiness.nextAction(null));
                JsonOutput.print(out, document);
            } else {
                out.println(readiness.message(null));
                out.println(readiness.nextAction(null));
            }
            return ExitStatus.OK;
        }

        private static final Map<String, String> ACTIONS = Map.of(
                "session_expired", "Run spec-kitty auth login.",
                "unauthenticated", "Run spec-kitty auth login.",
                "retryable_transport", "Check network connectivity and SPEC_KITTY_SAAS_URL, then retry.",
                "refresh_lock_timeout", "Another spec-kitty process is refreshing the session; retry.",
                "rate_limited", "Retry later.");

        private ExitStatus fail(CommandContext context, String code, String message, Integer status) {
            if (ParsedOptions.flag(context, "json")) { // the --json failure shape, plus the HTTP status
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("code", code);
                error.put("message", message);
                error.put("action", ACTIONS.getOrDefault(code, null));
                error.put("status_code", status);
                JsonOutput.print(context.outputWriter(), Map.of("error", error));
            }
            err.get().println(message); // ours or SafeText-folded; the terminal backstop escapes the rest
            err.get().flush();
            return new ExitStatus(1, code == null ? "failed" : code);
        }
    }
}

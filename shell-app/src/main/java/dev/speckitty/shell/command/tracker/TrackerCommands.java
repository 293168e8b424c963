package dev.speckitty.shell.command.tracker;

import dev.speckitty.application.tracker.BindTracker;
import dev.speckitty.application.tracker.Readiness;
import dev.speckitty.application.tracker.TrackerWorkflow;
import dev.speckitty.domain.teamspace.TrackerBinding;
import dev.speckitty.domain.text.UntrustedText;
import dev.speckitty.domain.tracker.TrackerResult;
import dev.speckitty.shell.command.CommandFailedException;
import dev.speckitty.shell.command.OptionSpecs;
import dev.speckitty.shell.command.Outcome;
import dev.speckitty.shell.command.ParsedOptions;
import dev.speckitty.shell.command.ResultCommand;
import dev.speckitty.shell.command.UsageException;
import dev.speckitty.shell.command.sync.LoggedOutRecovery;
import dev.speckitty.shell.settings.HostedTarget;
import dev.speckitty.shell.settings.Interactivity;
import dev.speckitty.shell.render.TrackerViews;
import dev.speckitty.shell.command.Exit;
import java.util.List;
import java.util.Map;
import org.springframework.shell.core.command.CommandContext;

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
    public static final class Bind extends ResultCommand {
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
        public Outcome<TrackerBinding> run(CommandContext context) {
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
            return Outcome.ok(binding, new TrackerViews.Bound());
        }
    }

    /** {@code tracker status [--json]} and {@code tracker pull [--json]}. */
    public static final class Call extends ResultCommand {

        /** The next step for the failures that have one (docs/spec/failure-taxonomy.md §6). */
        private static final Map<String, String> ACTIONS = Map.of(
                "session_expired", "Run spec-kitty auth login.",
                "unauthenticated", "Run spec-kitty auth login.",
                "retryable_transport", "Check network connectivity and SPEC_KITTY_SAAS_URL, then retry.",
                "refresh_lock_timeout", "Another spec-kitty process is refreshing the session; retry.",
                "rate_limited", "Retry later.");

        private final TrackerWorkflow workflow;
        private final HostedTarget target;
        private final Interactivity interactivity;
        private final LoggedOutRecovery recovery;
        private final boolean pull;

        public Call(boolean pull, TrackerWorkflow workflow, HostedTarget target, Interactivity interactivity,
                LoggedOutRecovery recovery) {
            super(pull ? "tracker pull" : "tracker status",
                    pull ? "Pull tracker items for this repository's binding." : "Show the hosted tracker status.",
                    GROUP, List.of(OptionSpecs.flag("json", "Print one JSON document")));
            this.workflow = workflow;
            this.target = target;
            this.interactivity = interactivity;
            this.recovery = recovery;
            this.pull = pull;
        }

        @Override
        public Outcome<?> run(CommandContext context) {
            Readiness readiness = workflow.readiness(interactivity.saasSyncEnabled(), target.baseUrl().isPresent(), true);
            if (readiness == Readiness.ROLLOUT_DISABLED) { // opt-in per machine: say how, exit 0, no network
                return Outcome.ok(readiness, new TrackerViews.Disabled());
            }
            if (readiness == Readiness.MISSING_AUTH) {
                switch (recovery.handle(getName())) {
                    case EXIT_4, SKIPPED, QUIT -> {
                        return Outcome.exit(Exit.LOGGED_OUT_ON_CONNECTED_TEAMSPACE, "logged out");
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
                case TrackerResult.Ok ok -> Outcome.ok(ok.body(), new TrackerViews.Answer());
                case TrackerResult.Failed failed -> throw failure(failed.errorCode(), failed.message());
                case TrackerResult.Unreachable unreachable -> throw failure("retryable_transport", unreachable.message());
                case TrackerResult.Unauthorized unauthorized -> throw failure("session_expired",
                        "Session expired. Run `spec-kitty auth login` to re-authenticate.");
            };
        }

        /**
         * A failed call in the one failure shape of every command (runner/JsonFailure): the message,
         * then the action. A server answer without a code of the plain shape is {@code unknown}.
         */
        private static CommandFailedException failure(String code, String message) {
            String known = code == null ? "unknown" : code;
            String action = ACTIONS.get(known);
            return action == null ? CommandFailedException.coded(known, message)
                    : CommandFailedException.coded(known, message, "  " + action);
        }
    }
}

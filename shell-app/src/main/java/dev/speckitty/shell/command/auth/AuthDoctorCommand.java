package dev.speckitty.shell.command.auth;

import dev.speckitty.application.session.AuthDoctor;
import dev.speckitty.application.session.DoctorReport;
import dev.speckitty.shell.command.OptionSpecs;
import dev.speckitty.shell.command.Outcome;
import dev.speckitty.shell.command.ParsedOptions;
import dev.speckitty.shell.command.ResultCommand;
import dev.speckitty.shell.command.UsageException;
import dev.speckitty.shell.render.AuthViews;
import dev.speckitty.shell.command.Exit;
import java.time.Duration;
import java.util.List;
import org.springframework.shell.core.command.CommandContext;

/**
 * {@code auth doctor [--server] [--json] [--unstick-lock] [--stuck-threshold S]}. Exit 0 with no
 * critical finding, 1 with one, 2 on an internal error. Local checks make no network call.
 */
public final class AuthDoctorCommand extends ResultCommand {

    private static final String SERVER = "server";
    private static final String UNSTICK = "unstick-lock";
    private static final String THRESHOLD = "stuck-threshold";

    private final AuthDoctor doctor;

    public AuthDoctorCommand(AuthDoctor doctor) {
        super("auth doctor", "Check the local session, storage and refresh lock (--server: the hosted session too).",
                AuthGroup.NAME, List.of(
                        OptionSpecs.flag(SERVER, "Also ask the hosted service whether the session is active"),
                        OptionSpecs.flag(AuthGroup.JSON, "Print the report as one JSON document"),
                        OptionSpecs.flag(UNSTICK, "Release a refresh lock older than the stuck threshold"),
                        OptionSpecs.valued(THRESHOLD, "Seconds after which a refresh lock is stuck (default 60)")));
        this.doctor = doctor;
    }

    @Override
    public Outcome<?> run(CommandContext context) {
        AuthDoctor.Options options = new AuthDoctor.Options(ParsedOptions.flag(context, UNSTICK),
                threshold(context), ParsedOptions.flag(context, SERVER));
        DoctorReport report;
        try {
            report = doctor.diagnose(options);
        } catch (RuntimeException internal) { // broad-catch: doctor converts unexpected failures to exit code 2
            return Outcome.failed(new AuthViews.DoctorCrash(internal.getClass().getSimpleName()),
                    new AuthViews.DoctorCrashed(), Exit.USAGE_OR_INTERNAL, "internal error");
        }
        if (report.hasCriticalFinding()) {
            return Outcome.failed(report, new AuthViews.Doctor(), Exit.FAILED, "critical finding");
        }
        return report.serverCheckFailed()
                ? Outcome.failed(report, new AuthViews.Doctor(), Exit.FAILED, "server check failed")
                : Outcome.ok(report, new AuthViews.Doctor());
    }

    private static Duration threshold(CommandContext context) {
        String value = ParsedOptions.value(context, THRESHOLD).orElse("60");
        try {
            double seconds = Double.parseDouble(value);
            if (seconds >= 0 && seconds < 86_400) {
                return Duration.ofMillis((long) (seconds * 1000));
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new UsageException("--stuck-threshold needs a number of seconds between 0 and 86400, got '" + value + "'");
    }
}

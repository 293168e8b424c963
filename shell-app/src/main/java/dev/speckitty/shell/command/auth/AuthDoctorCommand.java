package dev.speckitty.shell.command.auth;

import dev.speckitty.application.auth.AuthDoctor;
import dev.speckitty.application.auth.DoctorReport;
import dev.speckitty.domain.port.SessionStatusProbe;
import dev.speckitty.shell.command.OptionSpecs;
import dev.speckitty.shell.command.ParsedOptions;
import dev.speckitty.shell.command.SpecKittyCommand;
import dev.speckitty.shell.command.UsageException;
import dev.speckitty.shell.config.HostedTarget;
import dev.speckitty.shell.render.DoctorJson;
import dev.speckitty.shell.render.DoctorText;
import dev.speckitty.shell.render.JsonOutput;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.ExitStatus;

/**
 * {@code auth doctor [--server] [--json] [--unstick-lock] [--stuck-threshold S]}. Exit 0 with no
 * critical finding, 1 with one, 2 on an internal error. Local checks make no network call.
 */
public final class AuthDoctorCommand extends SpecKittyCommand {

    private static final String SERVER = "server";
    private static final String UNSTICK = "unstick-lock";
    private static final String THRESHOLD = "stuck-threshold";

    private final AuthDoctor doctor;
    private final HostedTarget target;
    private final SessionStatusProbe probe;
    private final PrintWriter err;

    public AuthDoctorCommand(AuthDoctor doctor, HostedTarget target, SessionStatusProbe probe, PrintWriter err) {
        super("auth doctor", "Check the local session, storage and refresh lock (--server: the hosted session too).",
                AuthGroup.NAME, List.of(
                        OptionSpecs.flag(SERVER, "Also ask the hosted service whether the session is active"),
                        OptionSpecs.flag(AuthGroup.JSON, "Print the report as one JSON document"),
                        OptionSpecs.flag(UNSTICK, "Release a refresh lock older than the stuck threshold"),
                        OptionSpecs.valued(THRESHOLD, "Seconds after which a refresh lock is stuck (default 60)")));
        this.doctor = doctor;
        this.target = target;
        this.probe = probe;
        this.err = err;
    }

    @Override
    public ExitStatus execute(CommandContext context) {
        AuthDoctor.Options options = new AuthDoctor.Options(ParsedOptions.flag(context, UNSTICK),
                threshold(context), ParsedOptions.flag(context, SERVER));
        DoctorReport report;
        try {
            report = doctor.diagnose(options, target.ifConfigured(probe));
        } catch (RuntimeException internal) { // broad-catch: doctor converts unexpected failures to exit code 2
            err.println("Internal error during doctor: " + internal.getClass().getSimpleName());
            err.flush();
            return new ExitStatus(2, "internal error");
        }
        if (ParsedOptions.flag(context, AuthGroup.JSON)) {
            JsonOutput.print(context.outputWriter(), DoctorJson.document(report));
        } else {
            DoctorText.print(context.outputWriter(), report);
        }
        if (report.hasCriticalFinding()) {
            return new ExitStatus(1, "critical finding");
        }
        return report.serverCheckFailed() ? new ExitStatus(1, "server check failed") : ExitStatus.OK;
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

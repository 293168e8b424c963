package dev.speckitty.shell.render;

import dev.speckitty.application.session.DoctorReport;
import dev.speckitty.application.session.DoctorReport.Finding;
import dev.speckitty.domain.auth.ServerSessionStatus;
import dev.speckitty.domain.text.UntrustedText;
import java.io.PrintWriter;

/** The human {@code auth doctor} report: Identity, Tokens, Storage, Refresh Lock, Findings, Server Session. */
public final class DoctorText {

    private DoctorText() {}

    public static void print(PrintWriter out, DoctorReport report) {
        DoctorReport.SessionFacts session = report.session();
        out.println("Identity");
        out.println(session == null ? "  (no session)" : "  User:        " + UntrustedText.line(session.userEmail())
                + System.lineSeparator() + "  Session ID:  " + UntrustedText.line(session.sessionId()));
        out.println();
        out.println("Tokens");
        if (session == null) {
            out.println("  (none)");
        } else {
            out.println("  Access token:   " + DurationFormat.format(session.accessTokenRemainingSeconds()));
            out.println("  Refresh token:  " + (session.refreshTokenRemainingSeconds() == null
                    ? SessionFacts.unknownRefreshExpiry(session.refreshLifetime())
                    : DurationFormat.format(session.refreshTokenRemainingSeconds())));
        }
        out.println();
        out.println("Storage");
        out.println("  Backend:  encrypted-file");
        out.println("  Path:     " + UntrustedText.line(report.storageLocation()));
        out.println("  Key:      " + report.keyDerivation());
        out.println();
        out.println("Refresh Lock");
        DoctorReport.LockFacts lock = report.refreshLock();
        out.println(lock.held()
                ? String.format("  held by pid %d on %s for %.1fs%s", lock.holderPid(), UntrustedText.line(lock.holderHost()),
                        lock.ageSeconds(), lock.stuck() ? " (stuck)" : "")
                : "  not held");
        out.println();
        out.println("Findings");
        if (report.findings().isEmpty()) {
            out.println("  No problems detected.");
        }
        for (Finding finding : report.findings()) {
            out.println("  [" + finding.severity().machineName() + "] " + finding.id() + ": " + finding.summary());
            if (finding.command() != null) {
                out.println("      Run: " + finding.command()
                        + (finding.description() == null ? "" : " — " + finding.description()));
            } else if (finding.description() != null) {
                out.println("      Fix: " + finding.description());
            }
        }
        if (report.repair() != null) {
            out.println();
            out.println(report.repair());
        }
        if (report.server() == null) {
            out.println();
            out.println("Run spec-kitty auth doctor --server to verify server session status.");
        } else {
            out.println();
            out.println("Server Session");
            if (!report.server().checked()) {
                out.println("  Status:  not checked — the server offers no session check"
                        + " (no introspection endpoint, no session-status endpoint).");
            } else if (report.server().active() && report.server().method() == ServerSessionStatus.Method.INTROSPECTION) {
                out.println("  Status:  active (token introspection" + expiry(report.server().expiresAt(),
                        report.generatedAt()) + ")");
            } else if (report.server().active()) {
                out.println("  Status:  active (session: " + UntrustedText.line(report.server().sessionId()) + ")");
            } else if ("re-authenticate".equals(report.server().error())) {
                out.println("  Status:  invalid — Run spec-kitty auth login to re-authenticate.");
            } else {
                out.println("  Status:  check failed — " + UntrustedText.line(report.server().error()));
            }
        }
        out.flush();
    }

    private static String expiry(java.time.Instant expiresAt, java.time.Instant now) {
        return expiresAt == null ? "" : "; access token expires in "
                + DurationFormat.format(SessionFacts.secondsUntil(expiresAt, now));
    }
}

package dev.speckitty.shell.render;

import dev.speckitty.application.session.DoctorReport;
import dev.speckitty.application.session.LocalSessionReport;
import dev.speckitty.application.session.LocalSessionState;
import dev.speckitty.application.session.SessionPresence.Presence;
import dev.speckitty.domain.session.StoredSession;
import dev.speckitty.domain.text.UntrustedText;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Map;

/** The results of {@code auth status|whoami|doctor}. */
public final class AuthViews {

    private AuthViews() {}

    /** The local session as seen at {@code now} (token lifetimes are relative to it). */
    public record SessionAt(LocalSessionReport report, Instant now) {}

    /** {@code auth status}: the session (AuthStatusText, AuthStatusJson); an unreadable one only under --json. */
    public static final class Status implements View<SessionAt> {
        @Override
        public void text(SessionAt shown, PrintWriter out) {
            // the failure that follows says what is wrong with an unreadable session file
            if (!(shown.report().state() instanceof LocalSessionState.Unreadable)) {
                out.print(AuthStatusText.render(shown.report(), shown.now()));
            }
        }

        @Override
        public Map<String, ?> json(SessionAt shown) {
            return AuthStatusJson.document(shown.report(), shown.now());
        }
    }

    /** {@code auth status --short}: the presence's machine name alone. */
    public static final class PresenceOnly implements View<Presence> {
        @Override
        public void text(Presence presence, PrintWriter out) {
            out.println(presence.machineName());
        }

        @Override
        public Map<String, ?> json(Presence presence) {
            return Map.of("state", presence.machineName());
        }
    }

    /** {@code auth whoami}: the email, or {@code {email, name, user_id}}. */
    public static final class Identity implements View<StoredSession> {
        @Override
        public void text(StoredSession session, PrintWriter out) {
            out.println(UntrustedText.line(session.email()));
        }

        @Override
        public Map<String, ?> json(StoredSession session) {
            return AuthStatusJson.identity(session);
        }
    }

    /** {@code auth doctor}: the findings (DoctorText, DoctorJson). */
    public static final class Doctor implements View<DoctorReport> {
        @Override
        public void text(DoctorReport report, PrintWriter out) {
            DoctorText.print(out, report);
        }

        @Override
        public Map<String, ?> json(DoctorReport report) {
            return DoctorJson.document(report);
        }
    }

    /** The doctor itself failed: the exception's type only, never its message. */
    public record DoctorCrash(String type) {}

    public static final class DoctorCrashed implements View<DoctorCrash> {
        @Override
        public void text(DoctorCrash crash, PrintWriter err) {
            err.println("Internal error during doctor: " + crash.type());
        }

        @Override
        public Map<String, ?> json(DoctorCrash crash) {
            return null; // the runner's failure document for the exit
        }

        @Override
        public boolean failure(DoctorCrash crash) {
            return true;
        }
    }
}

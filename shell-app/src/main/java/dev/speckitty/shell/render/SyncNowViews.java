package dev.speckitty.shell.render;

import dev.speckitty.application.sync.SyncReport;
import dev.speckitty.application.sync.SyncSetupReport;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The results of {@code sync now}: nothing to do (sync off, queue empty), or the runs that sent the queue. */
public final class SyncNowViews {

    private SyncNowViews() {}

    /** Why nothing was sent, in words and as {@code {status, message}}. */
    public enum Idle {
        DISABLED("disabled", SyncSetupReport.ROLLOUT_OFF, "Set SPEC_KITTY_ENABLE_SAAS_SYNC=1 to enable upload."),
        QUEUE_EMPTY("queue_empty", "Queue is empty, nothing to sync.", null);

        private final String status;
        private final String message;
        private final String next;

        Idle(String status, String message, String next) {
            this.status = status;
            this.message = message;
            this.next = next;
        }
    }

    public static final class Nothing implements View<Idle> {
        @Override
        public void text(Idle idle, PrintWriter out) {
            out.println(idle.message);
            if (idle.next != null) {
                out.println(idle.next);
            }
        }

        @Override
        public Map<String, ?> json(Idle idle) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("status", idle.status);
            document.put("message", idle.message);
            return document;
        }
    }

    /** One drain of the queue; {@code reportNote} says what became of {@code --report FILE} (text only). */
    public record Run(SyncReport report, Instant at, String reportNote) {}

    /**
     * The runs of one {@code sync now}: one, or two when a login at the logged-out prompt let the
     * queue be sent after all. The text shows every run; the document is the last run's report, so
     * {@code --json} prints one document also then. Logged out on a connected Teamspace
     * ({@code loggedOut}) the document is the runner's error document for exit 4 (docs/spec/behaviour.md §2.3).
     */
    public record Sent(List<Run> runs, boolean loggedOut) {
        public Sent {
            runs = List.copyOf(runs);
        }

        public Run last() {
            return runs.getLast();
        }
    }

    public static final class Report implements View<Sent> {
        @Override
        public void text(Sent sent, PrintWriter out) {
            for (int i = 0; i < sent.runs().size(); i++) {
                Run run = sent.runs().get(i);
                if (i > 0) {
                    out.println("Logged in. Sending the queue now.");
                }
                out.println("Syncing " + run.report().totalEvents() + " queued event(s)...");
                SyncReportRendering.summary(out, run.report());
                if (run.reportNote() != null) {
                    out.println(run.reportNote());
                }
            }
        }

        @Override
        public Map<String, ?> json(Sent sent) {
            return sent.loggedOut() ? null : SyncReportRendering.document(sent.last().report(), sent.last().at());
        }
    }
}

package dev.speckitty.shell.render;

import dev.speckitty.application.session.SessionPresence.Presence;
import dev.speckitty.application.sync.SyncSetupReport;
import dev.speckitty.domain.text.UntrustedText;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/** The two readings of one {@link SyncSetupReport}: {@code sync status} and {@code sync doctor}. */
public final class SyncSetupViews {

    private SyncSetupViews() {}

    /** {@code sync status}: one labelled row per fact, reachability when it was checked. */
    public static final class Status implements View<SyncSetupReport> {
        @Override
        public void text(SyncSetupReport setup, PrintWriter out) {
            out.println("Hosted sync:  " + (setup.syncEnabled() ? "enabled" : "disabled"));
            out.println("Server:       " + UntrustedText.line(setup.serverUrl().orElse("not configured")));
            out.println("Queue:        " + setup.queueSize() + " event(s) pending");
            out.println("Auth:         " + authRow(setup.auth()));
            setup.reachable().ifPresent(reachable -> out.println("Reachable:    "
                    + (reachable ? "yes" : "no (" + setup.unreachableBecause() + ")")));
            setup.nextStep().ifPresent(out::println);
        }

        @Override
        public Map<String, ?> json(SyncSetupReport setup) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("sync_enabled", setup.syncEnabled());
            document.put("server_url", setup.serverUrl().orElse(null));
            document.put("queue_size", setup.queueSize());
            document.put("auth", setup.auth().machineName());
            document.put("reachable", setup.reachable().orElse(null));
            return document;
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

    /** {@code sync doctor}: the queue and every problem found, or that there is none. */
    public static final class Doctor implements View<SyncSetupReport> {
        @Override
        public void text(SyncSetupReport setup, PrintWriter out) {
            out.println("Sync doctor");
            out.println("  Queue: " + setup.queueSize() + " event(s) pending");
            if (setup.problems().isEmpty()) {
                out.println("  No problems detected.");
            }
            setup.problems().forEach(problem -> out.println("  ! " + problem));
        }

        @Override
        public Map<String, ?> json(SyncSetupReport setup) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("sync_enabled", setup.syncEnabled());
            document.put("server_url", setup.serverUrl().orElse(null));
            document.put("auth", setup.auth().machineName());
            document.put("queue_size", setup.queueSize());
            document.put("problems", setup.problems());
            return document;
        }
    }
}

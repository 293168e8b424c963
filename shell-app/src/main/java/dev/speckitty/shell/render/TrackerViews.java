package dev.speckitty.shell.render;

import dev.speckitty.application.tracker.Readiness;
import dev.speckitty.domain.teamspace.TrackerBinding;
import dev.speckitty.domain.text.UntrustedText;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/** The results of {@code tracker bind|status|pull}. */
public final class TrackerViews {

    private TrackerViews() {}

    /** {@code tracker bind}: the provider now bound. */
    public static final class Bound implements View<TrackerBinding> {
        @Override
        public void text(TrackerBinding binding, PrintWriter out) {
            out.println("+ Tracker bound: " + UntrustedText.line(binding.provider()));
        }

        @Override
        public Map<String, ?> json(TrackerBinding binding) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("status", "bound");
            document.put("provider", binding.provider());
            return document;
        }
    }

    /** Sync is not enabled on this machine: how to opt in. */
    public static final class Disabled implements View<Readiness> {
        @Override
        public void text(Readiness readiness, PrintWriter out) {
            out.println(readiness.message(null));
            out.println(readiness.nextAction(null));
        }

        @Override
        public Map<String, ?> json(Readiness readiness) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("status", "disabled");
            document.put("message", readiness.message(null) + " " + readiness.nextAction(null));
            return document;
        }
    }

    /** The server's answer: as labelled lines (TrackerText), or as the body itself. */
    public static final class Answer implements View<Map<String, Object>> {
        @Override
        public void text(Map<String, Object> body, PrintWriter out) {
            TrackerText.print(out, body);
        }

        @Override
        public Map<String, ?> json(Map<String, Object> body) {
            return body;
        }
    }
}

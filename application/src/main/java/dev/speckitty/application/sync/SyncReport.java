package dev.speckitty.application.sync;

import dev.speckitty.domain.hosted.FailureCategory;
import dev.speckitty.domain.sync.EventResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one {@code sync now} did. The human summary, the category lines, {@code --report} and
 * {@code --json} all render from this one object, so they cannot disagree.
 *
 * @param unauthenticatedLocally no usable local session: nothing was sent (the logged-out case)
 */
public record SyncReport(int totalEvents, int synced, int duplicates, List<EventResult.Failed> failures,
        boolean unauthenticatedLocally) {

    public SyncReport {
        failures = List.copyOf(failures);
    }

    /** Queued events the run never got to (the drain stopped early); they are still queued. */
    public int notAttempted() {
        return Math.max(0, totalEvents - synced - duplicates - failed());
    }

    public int failed() {
        return failures.size();
    }

    /** Count per category, most frequent first; ties keep first-seen order. */
    public Map<FailureCategory, Integer> categoryCounts() {
        Map<FailureCategory, Integer> counts = new LinkedHashMap<>();
        for (EventResult.Failed failure : failures) {
            counts.merge(failure.failure().category(), 1, Integer::sum);
        }
        List<Map.Entry<FailureCategory, Integer>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Collections.reverseOrder(Map.Entry.comparingByValue())); // stable: ties keep order
        Map<FailureCategory, Integer> sorted = new LinkedHashMap<>();
        entries.forEach(entry -> sorted.put(entry.getKey(), entry.getValue()));
        return sorted;
    }

    static SyncReport of(int total, List<EventResult> results, boolean unauthenticatedLocally) {
        int synced = 0;
        int duplicates = 0;
        List<EventResult.Failed> failures = new ArrayList<>();
        for (EventResult result : results) {
            switch (result) {
                case EventResult.Synced s -> synced++;
                case EventResult.Duplicate d -> duplicates++;
                case EventResult.Failed f -> failures.add(f);
            }
        }
        return new SyncReport(total, synced, duplicates, failures, unauthenticatedLocally);
    }
}

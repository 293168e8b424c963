package dev.speckitty.shell.render;

import dev.speckitty.application.sync.SyncReport;
import dev.speckitty.domain.hosted.FailureCategory;
import dev.speckitty.domain.sync.EventResult;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every rendering of a {@link SyncReport}: the human summary and category lines, the
 * {@code --report} file and the {@code --json} document. One source, so the categories named on
 * stdout always equal the report's keys.
 */
public final class SyncReportRendering {

    private SyncReportRendering() {}

    /** «Synced: s  Duplicates: d  Errors: e» and one line per category, most frequent first. */
    public static void summary(PrintWriter out, SyncReport report) {
        out.println("Synced: " + report.synced() + "  Duplicates: " + report.duplicates() + "  Errors: " + report.failed());
        report.categoryCounts().forEach((category, count) -> out.println("  " + category.machineName() + ": " + count
                + category.action().map(action -> "  -- " + action).orElse("")));
        // Every event accounted for: what did not leave is still in the queue for the next run.
        int stillQueued = report.failed() + report.notAttempted();
        if (stillQueued > 0) {
            out.println("Still queued: " + stillQueued + " (" + report.failed() + " failed, " + report.notAttempted()
                    + " not attempted); they are sent again by the next spec-kitty sync now.");
        }
    }

    /** The failure report (docs/spec/behaviour.md §1.7, 4ec005100 shape plus http_status per failure). */
    public static Map<String, Object> document(SyncReport report, Instant generatedAt) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("total_events", report.totalEvents());
        summary.put("synced", report.synced());
        summary.put("duplicates", report.duplicates());
        summary.put("failed", report.failed());
        summary.put("not_attempted", report.notAttempted());
        Map<String, Integer> categories = new LinkedHashMap<>();
        for (Map.Entry<FailureCategory, Integer> entry : report.categoryCounts().entrySet()) {
            categories.put(entry.getKey().machineName(), entry.getValue());
        }
        summary.put("categories", categories);
        List<Map<String, Object>> failures = new ArrayList<>();
        for (EventResult.Failed failed : report.failures()) {
            Map<String, Object> failure = new LinkedHashMap<>();
            failure.put("event_id", failed.eventId());
            failure.put("error", failed.failure().message());
            failure.put("category", failed.failure().category().machineName());
            failure.put("http_status", failed.failure().httpStatus());
            failures.add(failure);
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("generated_at", Timestamps.format(generatedAt));
        document.put("summary", summary);
        document.put("failures", failures);
        return document;
    }
}

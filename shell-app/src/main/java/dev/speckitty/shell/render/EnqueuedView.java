package dev.speckitty.shell.render;

import dev.speckitty.application.sync.EnqueueEvents;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code sync enqueue}: how many events were queued and how many are now pending. */
public final class EnqueuedView implements View<EnqueueEvents.Result.Queued> {

    @Override
    public void text(EnqueueEvents.Result.Queued queued, PrintWriter out) {
        out.println("Queued " + queued.queued() + " event(s); " + queued.queueSize() + " pending.");
    }

    @Override
    public Map<String, ?> json(EnqueueEvents.Result.Queued queued) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("queued", queued.queued());
        document.put("queue_size", queued.queueSize());
        return document;
    }
}

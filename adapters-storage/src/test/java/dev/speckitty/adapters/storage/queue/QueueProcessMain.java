package dev.speckitty.adapters.storage.queue;

import dev.speckitty.domain.sync.PendingEvent;
import dev.speckitty.domain.sync.QueuedEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * A separate OS process for the queue tests.
 *
 * <pre>
 *   write &lt;home&gt; &lt;prefix&gt; &lt;count&gt; &lt;batch&gt;      enqueue prefix0..prefixN-1 in batches, then the shared ids; "DONE"
 *   drain &lt;home&gt; &lt;prefix&gt; &lt;stopFile&gt;          page and remove ids starting with prefix, print "REMOVED id"
 *                                               per committed removal; stop when stopFile exists and none is left
 *   loop  &lt;home&gt;                                 enqueue batches of 10 forever, print "COMMITTED n" after each
 * </pre>
 */
public final class QueueProcessMain {

    static final int SHARED = 50;
    static final int LOOP_BATCH = 10;

    private QueueProcessMain() {}

    public static void main(String[] args) throws Exception {
        try (SqliteEventQueue queue = SqliteEventQueue.inHome(Path.of(args[1]), Clock.systemUTC())) {
            switch (args[0]) {
                case "write" -> write(queue, args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]));
                case "drain" -> drain(queue, args[2], Path.of(args[3]));
                case "loop" -> loop(queue);
                default -> throw new IllegalArgumentException("unknown mode");
            }
        }
    }

    static QueuedEvent event(String id) {
        return new QueuedEvent(id, "{\"event_id\":\"" + id + "\",\"payload\":\"" + id.repeat(8) + "\"}");
    }

    private static void write(SqliteEventQueue queue, String prefix, int count, int batch) {
        for (int from = 0; from < count; from += batch) {
            List<QueuedEvent> events = new ArrayList<>();
            for (int i = from; i < Math.min(count, from + batch); i++) {
                events.add(event(prefix + i));
            }
            queue.enqueue(events);
        }
        List<QueuedEvent> shared = new ArrayList<>();
        for (int i = 0; i < SHARED; i++) {
            shared.add(event("shared-" + i));
        }
        queue.enqueue(shared);
        System.out.println("DONE");
    }

    private static void drain(SqliteEventQueue queue, String prefix, Path stopFile) throws InterruptedException {
        while (true) {
            boolean stopping = Files.exists(stopFile); // read before the pass, so the last pass sees everything
            int removed = 0;
            long after = 0;
            for (List<PendingEvent> page = queue.pending(after, 100); !page.isEmpty();
                    page = queue.pending(after, 100)) {
                List<String> mine = page.stream().map(PendingEvent::eventId).filter(id -> id.startsWith(prefix))
                        .toList();
                queue.remove(mine);
                mine.forEach(id -> System.out.println("REMOVED " + id));
                removed += mine.size();
                after = page.getLast().position();
            }
            System.out.flush();
            if (stopping && removed == 0) {
                System.out.println("STOPPED");
                return;
            }
            Thread.sleep(5);
        }
    }

    private static void loop(SqliteEventQueue queue) {
        for (int n = 0; ; n++) {
            List<QueuedEvent> batch = new ArrayList<>();
            for (int j = 0; j < LOOP_BATCH; j++) {
                batch.add(event("loop-" + n + "-" + j));
            }
            queue.enqueue(batch);
            System.out.println("COMMITTED " + n);
            System.out.flush();
        }
    }
}

package dev.speckitty.testfixtures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.domain.sync.PendingEvent;
import dev.speckitty.domain.sync.QueuedEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryEventQueueTest {

    private final InMemoryEventQueue queue = new InMemoryEventQueue();

    @Test
    void anEventIdIsQueuedOnceAndPositionsOnlyGrow() {
        queue.enqueue(List.of(new QueuedEvent("a", "{}"), new QueuedEvent("b", "{}"), new QueuedEvent("a", "{}")));
        queue.remove(List.of("a"));
        queue.enqueue(List.of(new QueuedEvent("b", "{}"), new QueuedEvent("c", "{}")));

        assertThat(queue.size()).isEqualTo(2);
        assertThat(queue.pending(0, 10)).extracting(PendingEvent::position).containsExactly(2L, 3L);
        assertThat(queue.pending(2, 10)).extracting(e -> e.event().eventId()).containsExactly("c");
        assertThat(queue.pending(0, 1)).hasSize(1);
        assertThat(queue.events()).extracting(QueuedEvent::eventId).containsExactly("b", "c");
        assertThat(queue.enqueueCalls()).isEqualTo(2);
    }
}

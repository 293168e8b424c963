package dev.speckitty.domain.sync;

import dev.speckitty.domain.hosted.HostedFailure;
import java.util.Objects;

/** The fate of one event in one {@code sync now}: synced, duplicate, or failed with a category. */
public sealed interface EventResult {

    String eventId();

    record Synced(String eventId) implements EventResult {}

    record Duplicate(String eventId) implements EventResult {}

    record Failed(String eventId, HostedFailure failure) implements EventResult {
        public Failed {
            Objects.requireNonNull(failure, "failure");
        }
    }
}

package dev.speckitty.adapters.storage.queue;

import dev.speckitty.domain.port.LocalFileException;

/**
 * The local event queue cannot be used: its file is corrupt, belongs to something else, is locked
 * for too long or cannot be written. The message names the path and what to do; it never contains
 * an event.
 */
class EventQueueException extends LocalFileException {

    public EventQueueException(String message, Throwable cause) {
        super(message, cause);
    }

    public EventQueueException(String message) {
        super(message, null);
    }
}

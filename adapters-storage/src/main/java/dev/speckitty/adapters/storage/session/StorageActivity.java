package dev.speckitty.adapters.storage.session;

/**
 * Hooks for work counters ({@code SPEC_KITTY_DEBUG_COUNTERS}): how often the store read the durable
 * file and ran the key derivation. The default does nothing.
 */
public interface StorageActivity {

    StorageActivity NONE = new StorageActivity() {};

    /** The encrypted file was read from disk (under the session lock). */
    default void durableRead() {}

    /** scrypt ran once. */
    default void keyDerived() {}
}

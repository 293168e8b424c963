/**
 * Outgoing ports: what the application needs from the world, named for the need. Adapters
 * implement them; only the shell application wires them. Time comes from {@link java.time.Clock}.
 */
package dev.speckitty.domain.port;

package dev.speckitty.shell.hermetic;

/**
 * Thrown when a test tries to reach a host that is not this machine. An {@link Error}, so that
 * no production {@code catch (Exception)} boundary can swallow it and let the test pass.
 */
public final class NonLoopbackEgressError extends Error {

    public NonLoopbackEgressError(String host) {
        super("Hermetic test guard: attempted to resolve non-loopback host '" + host
                + "'. Tests may only talk to 127.0.0.1 (see docs/testing.md).");
    }
}

package dev.speckitty.domain.port;

import java.time.Duration;

/** Whether the hosted service answers its health endpoint within a short timeout. Never throws. */
public interface HostedHealth {

    boolean reachable(Duration timeout);
}

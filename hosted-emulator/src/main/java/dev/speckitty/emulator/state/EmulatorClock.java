package dev.speckitty.emulator.state;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** The emulator's time: the system clock plus an offset that tests move forward to expire things without sleeping. */
public final class EmulatorClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public EmulatorClock(Clock base) {
        this.base = base;
    }

    public static EmulatorClock system() {
        return new EmulatorClock(Clock.systemUTC());
    }

    public void advance(Duration by) {
        offset.updateAndGet(current -> current.plus(by));
    }

    public void resetOffset() {
        offset.set(Duration.ZERO);
    }

    public Duration offset() {
        return offset.get();
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        // Always UTC: the hosted contract speaks ISO-8601 instants only.
        return this;
    }
}

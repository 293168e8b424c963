package dev.speckitty.application.login;

import java.time.Duration;

/** Waits between device-flow polls; tests replace it to run without real delays. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    Sleeper REAL = duration -> Thread.sleep(duration);
}

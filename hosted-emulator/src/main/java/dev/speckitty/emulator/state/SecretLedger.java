package dev.speckitty.emulator.state;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Test support: every secret the emulator issued (access and refresh tokens of every generation,
 * authorization codes, device codes) or received (PKCE code verifiers), in order, so a leak audit
 * can search everything a client printed or wrote for each of them. Memory only; never logged.
 */
public final class SecretLedger {

    private final Clock clock;
    private final List<ObservedSecret> secrets = new ArrayList<>();

    public SecretLedger(Clock clock) {
        this.clock = clock;
    }

    public synchronized void record(SecretKind kind, String value) {
        if (value != null && !value.isBlank()) {
            secrets.add(new ObservedSecret(kind, value, clock.instant()));
        }
    }

    public synchronized List<ObservedSecret> all() {
        return List.copyOf(secrets);
    }

    public synchronized void clear() {
        secrets.clear();
    }
}

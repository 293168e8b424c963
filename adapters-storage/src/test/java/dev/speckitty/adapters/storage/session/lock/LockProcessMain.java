package dev.speckitty.adapters.storage.session.lock;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * A separate OS process for the cross-process lock tests.
 *
 * <pre>
 *   hold &lt;authDir&gt; &lt;holdMillis&gt; &lt;backdateSeconds&gt;   acquire, print "LOCKED", hold, release, print "RELEASED"
 *   try  &lt;authDir&gt; &lt;timeoutMillis&gt;                    print "ACQUIRED waited=N" or "TIMEOUT waited=N"
 *   hold-session &lt;authDir&gt; &lt;holdMillis&gt;            the same as hold, for session.lock
 * </pre>
 *
 * A positive backdate writes a holder record that started that many seconds ago (a stale holder).
 */
public final class LockProcessMain {

    private LockProcessMain() {}

    public static void main(String[] args) throws Exception {
        Path authDir = Path.of(args[1]);
        long millis = Long.parseLong(args[2]);
        long backdate = args.length > 3 ? Long.parseLong(args[3]) : 0;
        Clock clock = Clock.offset(Clock.systemUTC(), Duration.ofSeconds(-backdate));
        FileRefreshLock lock = new FileRefreshLock(authDir, clock, "child-host", "child-test");
        switch (args[0]) {
            case "hold" -> hold(lock, millis);
            case "try" -> tryOnce(lock, millis);
            case "hold-session" -> holdSessionLock(authDir, millis);
            default -> throw new IllegalArgumentException("unknown mode");
        }
    }

    private static void hold(FileRefreshLock lock, long holdMillis) throws InterruptedException {
        Optional<FileRefreshLock.Lease> lease = lock.acquire(Duration.ofSeconds(10));
        if (lease.isEmpty()) {
            System.out.println("TIMEOUT");
            System.exit(3);
        }
        System.out.println("LOCKED " + ProcessHandle.current().pid());
        System.out.flush();
        Thread.sleep(holdMillis);
        lease.get().close();
        System.out.println("RELEASED");
        System.out.flush();
    }

    private static void holdSessionLock(Path authDir, long holdMillis) throws Exception {
        SessionFileLock lock = new SessionFileLock(authDir.resolve("session.lock"), Duration.ofSeconds(10));
        try (SessionFileLock.Held held = lock.acquire()) {
            System.out.println("LOCKED " + ProcessHandle.current().pid());
            System.out.flush();
            Thread.sleep(holdMillis);
        }
        System.out.println("RELEASED");
        System.out.flush();
    }

    private static void tryOnce(FileRefreshLock lock, long timeoutMillis) {
        long started = System.nanoTime();
        Optional<FileRefreshLock.Lease> lease = lock.acquire(Duration.ofMillis(timeoutMillis));
        long waited = (System.nanoTime() - started) / 1_000_000;
        System.out.println((lease.isPresent() ? "ACQUIRED" : "TIMEOUT") + " waited=" + waited);
        System.out.flush();
        lease.ifPresent(FileRefreshLock.Lease::close);
    }
}

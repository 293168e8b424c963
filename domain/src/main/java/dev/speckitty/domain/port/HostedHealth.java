package dev.speckitty.domain.port;

import java.time.Duration;
import java.util.Objects;

/** Whether the hosted service answers its health endpoint within a short timeout, and if not, why. Never throws. */
public interface HostedHealth {

    Check check(Duration timeout);

    default boolean reachable(Duration timeout) {
        return check(timeout).reachable();
    }

    /**
     * One health check: reachable, or the reason in a few words for the user ("the connection was
     * refused", "no answer within 2 seconds", "the server answered HTTP 500"), never a server body.
     */
    record Check(boolean reachable, String problem) {

        public Check {
            Objects.requireNonNull(problem, "problem");
        }

        public static Check answered() {
            return new Check(true, "");
        }

        public static Check unreachable(String problem) {
            return new Check(false, problem);
        }
    }
}

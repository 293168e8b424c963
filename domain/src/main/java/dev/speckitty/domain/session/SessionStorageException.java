package dev.speckitty.domain.session;

import java.util.Objects;

/**
 * The durable session could not be read, written or deleted. Every problem has its own kind and a
 * message that says what is wrong and how to fix it. Messages name paths and modes only: never
 * file contents, decrypted text or tokens.
 */
public final class SessionStorageException extends RuntimeException {

    /** What went wrong; distinct so that people and tests can tell the cases apart. */
    public enum Problem {
        UNSAFE_PERMISSIONS,
        NOT_A_REGULAR_FILE,
        /** A session or salt file owned by another user: a sign of tampering, never read. */
        WRONG_OWNER,
        SALT_MISSING,
        SALT_WRONG_LENGTH,
        MALFORMED,
        UNSUPPORTED_VERSION,
        DECRYPTION_FAILED,
        INVALID_PAYLOAD,
        UNREADABLE,
        WRITE_FAILED,
        DELETE_FAILED,
        LOCK_TIMEOUT
    }

    private final Problem problem;

    public SessionStorageException(Problem problem, String message) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    public Problem problem() {
        return problem;
    }
}

package dev.speckitty.adapters.storage.session.crypto;

/** An scrypt implementation could not derive a key here (library missing, a call that returned failure). */
final class ScryptRefusedException extends RuntimeException {

    public ScryptRefusedException(String reason) {
        super(reason);
    }

    public ScryptRefusedException(String reason, Throwable cause) {
        super(reason, cause);
    }
}

package dev.speckitty.adapters.storage.session.codec;

/**
 * The decrypted payload is not a valid session. The detail names a field or a shape only, never a
 * value, because the payload holds tokens.
 */
public final class InvalidSessionPayloadException extends Exception {

    public InvalidSessionPayloadException(String safeDetail) {
        super(safeDetail, null, false, false);
    }
}

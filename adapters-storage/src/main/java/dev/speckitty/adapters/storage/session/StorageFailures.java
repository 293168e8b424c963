package dev.speckitty.adapters.storage.session;

import dev.speckitty.domain.session.SessionStorageException;
import dev.speckitty.domain.session.SessionStorageException.Problem;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Every storage failure with its own kind and fix-it message. Messages name paths, modes and field
 * names only: never file contents, decrypted text, tokens or a parser's message.
 */
public final class StorageFailures {

    private static final String LOGIN_AGAIN = "`spec-kitty auth login --force`";

    private StorageFailures() {}

    public static SessionStorageException unsafePermissions(Path file, int mode) {
        return new SessionStorageException(Problem.UNSAFE_PERMISSIONS, "Session file " + file
                + " has unsafe permissions (mode=" + octal(mode) + "); expected 0600. Fix with: chmod 600 " + file);
    }

    public static SessionStorageException notARegularFile(Path file, String actualKind) {
        return new SessionStorageException(Problem.NOT_A_REGULAR_FILE, "Session file " + file + " is " + actualKind
                + ", not a regular file; refusing to follow or read it. Remove it and re-run " + LOGIN_AGAIN + ".");
    }

    public static SessionStorageException saltNotARegularFile(Path salt, String actualKind) {
        return new SessionStorageException(Problem.NOT_A_REGULAR_FILE, "Salt file " + salt + " is " + actualKind
                + ", not a regular file; refusing to follow or read it. Remove it and re-run " + LOGIN_AGAIN + ".");
    }

    /** {@code what} is "Session file" or "Salt file". */
    public static SessionStorageException wrongOwner(String what, Path file, long ownerUid, long processUid) {
        return new SessionStorageException(Problem.WRONG_OWNER, what + " " + file + " is owned by uid " + ownerUid
                + ", not by you (uid " + processUid + "); refusing to read it, since a file another user put in"
                + " your auth directory may be forged. If it is yours, fix with: chown " + processUid + " " + file
                + "; otherwise remove it and re-run " + LOGIN_AGAIN + ".");
    }

    public static SessionStorageException notJson(Path file) {
        return new SessionStorageException(Problem.MALFORMED, "Session file " + file
                + " is not valid JSON. Re-run " + LOGIN_AGAIN + ".");
    }

    public static SessionStorageException empty(Path file) {
        return new SessionStorageException(Problem.MALFORMED, "Session file " + file
                + " is empty (not valid JSON). Re-run " + LOGIN_AGAIN + ".");
    }

    public static SessionStorageException notAnObject(Path file) {
        return new SessionStorageException(Problem.MALFORMED, "Session file " + file + " is not a JSON object. Re-run "
                + LOGIN_AGAIN + ".");
    }

    public static SessionStorageException unsupportedVersion(Path file, String versionShown) {
        return new SessionStorageException(Problem.UNSUPPORTED_VERSION, "Unsupported session file format version "
                + versionShown + " in " + file + "; expected 2. v1 plaintext files are rejected; please re-run "
                + LOGIN_AGAIN + ".");
    }

    public static SessionStorageException saltMissing(Path salt) {
        return new SessionStorageException(Problem.SALT_MISSING, "Salt file " + salt
                + " is missing; cannot decrypt the session. Re-run " + LOGIN_AGAIN + ".");
    }

    public static SessionStorageException saltWrongLength(Path salt, long length) {
        return new SessionStorageException(Problem.SALT_WRONG_LENGTH, "Salt file " + salt + " has wrong length ("
                + length + " bytes); expected 16. Re-run " + LOGIN_AGAIN + ".");
    }

    public static SessionStorageException malformed(Path file, String safeDetail) {
        return new SessionStorageException(Problem.MALFORMED, "Session file " + file + " is malformed: " + safeDetail
                + ". Re-run " + LOGIN_AGAIN + ".");
    }

    public static SessionStorageException decryptionFailed(Path file) {
        return new SessionStorageException(Problem.DECRYPTION_FAILED, "Failed to decrypt session file " + file
                + ": the authentication tag does not match. The file may have been tampered with, or copied from"
                + " another machine or user (the key is bound to this host name and user id). Fix with: "
                + LOGIN_AGAIN);
    }

    public static SessionStorageException invalidPayload(Path file, String safeDetail) {
        return new SessionStorageException(Problem.INVALID_PAYLOAD, "Decrypted session payload in " + file
                + " is not a valid session: " + safeDetail + ". Re-run " + LOGIN_AGAIN + ".");
    }

    public static SessionStorageException unreadable(Path file, String ioKind) {
        return new SessionStorageException(Problem.UNREADABLE, "Cannot read " + file + " (" + ioKind
                + "); check that it and its directory belong to you and are readable.");
    }

    public static SessionStorageException writeFailed(Path file, String ioKind) {
        // No word on the previous file here: whether it is still of use depends on what the caller did
        // (after a rotation its refresh token is already spent), so the caller says it.
        return new SessionStorageException(Problem.WRITE_FAILED, "Failed to write " + file + " (" + ioKind + ").");
    }

    public static SessionStorageException deleteFailed(Path file, String ioKind) {
        return new SessionStorageException(Problem.DELETE_FAILED, "Failed to delete " + file + " (" + ioKind
                + ")");
    }

    public static SessionStorageException lockTimeout(Path lockFile, Duration waited) {
        return new SessionStorageException(Problem.LOCK_TIMEOUT, "Timed out after " + waited.toSeconds()
                + " s waiting for the session lock " + lockFile + "; another spec-kitty process is holding it."
                + " Retry in a moment.");
    }

    public static SessionStorageException lockInterrupted(Path lockFile) {
        return new SessionStorageException(Problem.LOCK_TIMEOUT, "Interrupted while waiting for the session lock "
                + lockFile);
    }

    /** {@code 0644}: the permission bits as chmod takes them. */
    static String octal(int mode) {
        return String.format("0%03o", mode & 0777);
    }
}

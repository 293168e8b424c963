package dev.speckitty.adapters.storage.session;

import dev.speckitty.adapters.storage.session.codec.InvalidSessionPayloadException;
import dev.speckitty.adapters.storage.session.codec.SessionEnvelope;
import dev.speckitty.adapters.storage.session.codec.SessionJson;
import dev.speckitty.adapters.storage.session.crypto.DerivedKeyCache;
import dev.speckitty.adapters.storage.session.crypto.MachinePassphrase;
import dev.speckitty.adapters.storage.session.crypto.SessionCipher;
import dev.speckitty.adapters.storage.session.crypto.SessionKeyDerivation.SessionKey;
import dev.speckitty.adapters.storage.session.crypto.SessionKeyDerivation;
import dev.speckitty.adapters.storage.files.IoProblems;
import dev.speckitty.adapters.storage.files.OwnerOnlyFiles;
import dev.speckitty.adapters.storage.files.ProcessUser;
import dev.speckitty.adapters.storage.session.crypto.SaltFile;
import dev.speckitty.adapters.storage.session.hotpath.DurableFingerprint;
import dev.speckitty.adapters.storage.session.hotpath.HotPathFile;
import dev.speckitty.adapters.storage.session.lock.SessionFileLock;
import dev.speckitty.domain.port.SessionStore;
import dev.speckitty.domain.session.SessionIdentity;
import dev.speckitty.domain.session.StoredSession;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;
import javax.crypto.AEADBadTagException;

/**
 * The session as the reference CLI keeps it: {@code session.json} holds a v2 envelope of AES-256-GCM
 * ciphertext under a scrypt key of {@code "<hostname>:<uid>"} and {@code session.salt}. Reads, writes
 * and deletes are serialised by the OS lock on {@code session.lock}; a read never changes the
 * session or salt files, even when it fails.
 */
public final class EncryptedFileSessionStore implements SessionStore {

    public static final String BACKEND = "encrypted-file";
    private static final int MAX_SESSION_BYTES = 1 << 20;
    private static final int SALT_LENGTH = 16;
    private static final System.Logger LOG = System.getLogger(EncryptedFileSessionStore.class.getName());

    private final AuthFiles files;
    private final SaltFile salt;
    private final SessionKeyDerivation kdf;
    private final DerivedKeyCache keys = new DerivedKeyCache();
    private final SessionCipher cipher;
    private final SessionFileLock lock;
    private final StorageActivity activity;
    private final HotPathFile hotPath;
    /** The version of session.json this store last read or wrote; null before the first, and after a delete. */
    private volatile DurableFingerprint lastSeen;

    public EncryptedFileSessionStore(Path authDirectory, byte[] passphrase, Duration lockTimeout,
            StorageActivity activity) {
        this(authDirectory, passphrase, lockTimeout, activity, null);
    }

    /**
     * @param hotPath the handoff to publish after each durable write and successful read, or null
     *     when the hot path is disabled
     */
    public EncryptedFileSessionStore(Path authDirectory, byte[] passphrase, Duration lockTimeout,
            StorageActivity activity, HotPathFile hotPath) {
        this(authDirectory, new SessionKeyDerivation(passphrase), lockTimeout, activity, hotPath);
    }

    /** @param kdf the passphrase's key derivation, with the scrypt implementation to use */
    public EncryptedFileSessionStore(Path authDirectory, SessionKeyDerivation kdf, Duration lockTimeout,
            StorageActivity activity, HotPathFile hotPath) {
        this.files = new AuthFiles(authDirectory);
        this.salt = new SaltFile(files.salt());
        this.kdf = kdf;
        this.cipher = new SessionCipher(() -> WriteRandomness.SOURCE);
        this.lock = new SessionFileLock(files.sessionLock(), lockTimeout);
        this.activity = activity;
        this.hotPath = hotPath;
    }

    /** The store in {@code authDirectory} keyed to this machine's host name and user id. */
    public static EncryptedFileSessionStore inAuthDirectory(Path authDirectory) {
        return withPassphrase(authDirectory, MachinePassphrase.forThisMachine());
    }

    /** The store keyed by an explicit passphrase (tests, compatibility fixtures). */
    public static EncryptedFileSessionStore withPassphrase(Path authDirectory, byte[] passphrase) {
        return new EncryptedFileSessionStore(authDirectory, passphrase, SessionFileLock.DEFAULT_TIMEOUT,
                StorageActivity.NONE);
    }

    @Override
    public Optional<StoredSession> read() {
        Path sessionFile = files.session();
        if (!Files.exists(sessionFile, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty(); // nothing to read, and no lock file is created for nothing
        }
        Optional<Snapshot> snapshot = snapshotUnderLock();
        if (snapshot.isEmpty()) {
            return Optional.empty();
        }
        StoredSession session = decode(snapshot.get());
        lastSeen = snapshot.get().fingerprint().orElse(null);
        publishHotPath(snapshot.get().fingerprint(), session);
        return Optional.of(session);
    }

    /** One stat of session.json while it is the version this store last read or wrote; a read otherwise. */
    @Override
    public Optional<StoredSession> readIfChanged() {
        DurableFingerprint seen = lastSeen;
        if (seen != null && DurableFingerprint.of(files.session()).filter(seen::equals).isPresent()) {
            return Optional.empty();
        }
        return read();
    }

    /** Parses, checks and decrypts what one locked read saw. */
    private StoredSession decode(Snapshot snapshot) {
        Path sessionFile = files.session();
        SessionEnvelope envelope = SessionEnvelope.parseVersioned(sessionFile, snapshot.envelopeText());
        byte[] saltBytes = SaltFile.checked(salt.path(),
                snapshot.salt().orElseThrow(() -> StorageFailures.saltMissing(salt.path())));
        SessionCipher.Sealed sealed = envelope.sealed();
        byte[] plaintext = decrypt(sealed, saltBytes);
        try {
            return SessionJson.decode(utf8(plaintext));
        } catch (InvalidSessionPayloadException | CharacterCodingException invalid) {
            String detail = invalid instanceof InvalidSessionPayloadException
                    ? invalid.getMessage() : "it is not UTF-8 text";
            throw StorageFailures.invalidPayload(sessionFile, detail);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    @Override
    public void write(StoredSession session) {
        writeIf(null, session);
    }

    @Override
    public boolean replaceIf(SessionIdentity expected, StoredSession session) {
        return writeIf(java.util.Objects.requireNonNull(expected, "expected"), session);
    }

    /** Writes unless {@code expected} is given and the stored session, read under the lock, is another. */
    private boolean writeIf(SessionIdentity expected, StoredSession session) {
        byte[] plaintext = SessionJson.encode(session);
        Path target = files.session();
        try {
            OwnerOnlyFiles.ensureDirectory(files.directory());
            // Derive and encrypt before taking the lock, as the reference does: scrypt is the slow part.
            // Outside the lock a first writer may be creating the salt: a short read only means "seal under
            // the lock"; the salt is validated there (loadOrCreate).
            Optional<byte[]> saltBefore = salt.readRaw().filter(raw -> raw.length == SALT_LENGTH);
            byte[] envelope = saltBefore.map(bytes -> seal(plaintext, bytes)).orElse(null);
            try (SessionFileLock.Held held = lock.acquire()) {
                if (expected != null && !storedIdentityIs(expected)) {
                    return false; // deleted (logout) or replaced (login) while this session was prepared
                }
                byte[] saltNow = salt.loadOrCreate(WriteRandomness.SOURCE);
                if (envelope == null || !Arrays.equals(saltNow, saltBefore.get())) {
                    envelope = seal(plaintext, saltNow); // first login, or a delete rotated the salt meanwhile
                }
                OwnerOnlyFiles.replaceAtomically(target, files.sessionTemporary(), envelope);
                Optional<DurableFingerprint> written = DurableFingerprint.of(target);
                lastSeen = written.orElse(null);
                publishHotPath(written, session);
                return true;
            }
        } catch (IOException failed) {
            throw StorageFailures.writeFailed(IoProblems.fileOr(failed, target), IoProblems.describe(failed));
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    @Override
    public void delete() {
        if (!Files.isDirectory(files.directory(), LinkOption.NOFOLLOW_LINKS)) {
            return; // no auth directory: nothing to delete
        }
        Path sessionFile = files.session();
        try (SessionFileLock.Held held = lock.acquire()) {
            deleteSessionFile(sessionFile);
            lastSeen = null;
            deleteBestEffort(files.salt()); // salt rotation: the next login derives a fresh key
            keys.forget();
            deleteBestEffort(files.hotPath());
            deleteBestEffort(files.hotPathTemporary());
            OwnerOnlyFiles.syncDirectory(files.directory());
        } catch (IOException failed) {
            throw StorageFailures.deleteFailed(IoProblems.fileOr(failed, sessionFile), IoProblems.describe(failed));
        }
    }

    @Override
    public StorageDescription describe() {
        return new StorageDescription(BACKEND, files.session().toString());
    }

    @Override
    public String keyDerivation() {
        return "scrypt via " + kdf.implementation();
    }

    public AuthFiles files() {
        return files;
    }

    private boolean storedIdentityIs(SessionIdentity expected) throws IOException {
        if (!Files.exists(files.session(), LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        Optional<Snapshot> snapshot = snapshotWhileLocked();
        return snapshot.isPresent() && decode(snapshot.get()).identity().equals(expected);
    }

    private Optional<Snapshot> snapshotUnderLock() {
        Path sessionFile = files.session();
        try (SessionFileLock.Held held = lock.acquire()) {
            return snapshotWhileLocked();
        } catch (IOException failed) {
            // name the file the OS refused (session.lock when that is a symlink or directory)
            throw StorageFailures.unreadable(IoProblems.fileOr(failed, sessionFile), IoProblems.describe(failed));
        }
    }

    /** The session file, the salt and the fingerprint as they are; the caller holds {@code session.lock}. */
    private Optional<Snapshot> snapshotWhileLocked() throws IOException {
        Path sessionFile = files.session();
        try {
            Optional<PosixFileAttributes> attributes = OwnerOnlyFiles.posixAttributes(sessionFile);
            if (OwnerOnlyFiles.isPosix()) {
                if (attributes.isEmpty()) {
                    return Optional.empty(); // deleted while we waited for the lock
                }
                refuseUnsafe(sessionFile, attributes.get());
            }
            byte[] envelopeBytes = OwnerOnlyFiles.readNoFollow(sessionFile, MAX_SESSION_BYTES);
            Optional<byte[]> saltBytes = readSalt();
            Optional<DurableFingerprint> fingerprint = DurableFingerprint.of(sessionFile);
            activity.durableRead();
            return Optional.of(new Snapshot(envelopeText(sessionFile, envelopeBytes), saltBytes, fingerprint));
        } catch (NoSuchFileException deletedMeanwhile) {
            return Optional.empty();
        }
    }

    /** The salt bytes, if any, after refusing a salt that is not a plain file of ours. */
    private Optional<byte[]> readSalt() {
        Path saltPath = salt.path();
        try {
            Optional<PosixFileAttributes> attributes = OwnerOnlyFiles.posixAttributes(saltPath);
            if (attributes.isPresent()) {
                notARegularFile(attributes.get()).ifPresent(kind -> {
                    throw StorageFailures.saltNotARegularFile(saltPath, kind);
                });
                refuseForeignOwner("Salt file", saltPath);
            }
            return salt.readRaw();
        } catch (NoSuchFileException deletedMeanwhile) {
            return Optional.empty(); // reported as SALT_MISSING after the version check, like an absent salt
        } catch (IOException failed) {
            throw StorageFailures.unreadable(saltPath, IoProblems.describe(failed));
        }
    }

    /**
     * Refuses what is not a plain file of ours with owner-only bits: a symlink (never followed, so a
     * link out of the auth directory is never read), a directory or special file, a file owned by
     * another user, and any group/other permission bit.
     */
    private void refuseUnsafe(Path sessionFile, PosixFileAttributes attributes) throws IOException {
        notARegularFile(attributes).ifPresent(kind -> {
            throw StorageFailures.notARegularFile(sessionFile, kind);
        });
        refuseForeignOwner("Session file", sessionFile);
        int mode = OwnerOnlyFiles.mode(attributes.permissions());
        if ((mode & 0077) != 0) {
            throw StorageFailures.unsafePermissions(sessionFile, mode);
        }
    }

    private void refuseForeignOwner(String what, Path file) throws IOException {
        OptionalLong owner = ProcessUser.foreignOwnerOf(file);
        if (owner.isPresent()) {
            throw StorageFailures.wrongOwner(what, file, owner.getAsLong(), ProcessUser.uid());
        }
    }

    private static Optional<String> notARegularFile(PosixFileAttributes attributes) {
        if (attributes.isSymbolicLink()) {
            return Optional.of("a symbolic link");
        }
        if (attributes.isDirectory()) {
            return Optional.of("a directory");
        }
        return attributes.isRegularFile() ? Optional.empty() : Optional.of("a special file");
    }

    private static String envelopeText(Path sessionFile, byte[] bytes) {
        try {
            return utf8(bytes);
        } catch (CharacterCodingException notText) {
            throw StorageFailures.notJson(sessionFile);
        }
    }

    private byte[] seal(byte[] plaintext, byte[] saltBytes) {
        return SessionEnvelope.encode(cipher.encrypt(key(saltBytes), plaintext));
    }

    private byte[] decrypt(SessionCipher.Sealed sealed, byte[] saltBytes) {
        try {
            return cipher.decrypt(key(saltBytes), sealed.nonce(), sealed.ciphertext());
        } catch (AEADBadTagException tagMismatch) {
            throw StorageFailures.decryptionFailed(files.session());
        }
    }

    /** The key for this salt: derived (scrypt, counted) on first use, then kept until the salt changes. */
    private SessionKey key(byte[] saltBytes) {
        return keys.forSalt(saltBytes, () -> {
            activity.keyDerived();
            return kdf.derive(saltBytes);
        });
    }

    private static void deleteSessionFile(Path sessionFile) throws IOException {
        if (Files.isDirectory(sessionFile, LinkOption.NOFOLLOW_LINKS)) {
            throw new DirectoryNotEmptyException(sessionFile.toString()); // never remove a directory we did not make
        }
        Files.deleteIfExists(sessionFile);
    }

    private static void deleteBestEffort(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException failed) {
            LOG.log(System.Logger.Level.DEBUG, "could not delete {0} ({1})", file, IoProblems.describe(failed));
        }
    }

    private static String utf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }

    /** Best effort: the fingerprint is of the version just read or written, so a newer file is a miss. */
    private void publishHotPath(Optional<DurableFingerprint> fingerprint, StoredSession session) {
        if (hotPath != null) {
            fingerprint.ifPresent(print -> hotPath.publish(print, session.refreshTokenExpiresAt()));
        }
    }

    /** What one locked read saw: the envelope text, the salt bytes if any, and the file's fingerprint. */
    private record Snapshot(String envelopeText, Optional<byte[]> salt, Optional<DurableFingerprint> fingerprint) {}

    /**
     * The {@link SecureRandom} of the writes (nonces, a new salt), made when a write first needs it:
     * a read needs none, and setting one up walks the security providers, about 10 ms of a
     * one-shot's CPU.
     */
    private static final class WriteRandomness {
        static final SecureRandom SOURCE = new SecureRandom();
    }
}

package dev.speckitty.adapters.storage.session.crypto;

/** One implementation of scrypt (RFC 7914); every implementation gives the same bytes for the same inputs. */
public interface Scrypt {

    /**
     * @return the derived key, {@code parameters.keyLength()} bytes
     * @throws ScryptRefusedException when this implementation cannot derive the key here
     */
    byte[] derive(byte[] passphrase, byte[] salt, ScryptParameters parameters);

    /** Which implementation this is, for {@code auth doctor}: never a key or passphrase. */
    String implementation();
}

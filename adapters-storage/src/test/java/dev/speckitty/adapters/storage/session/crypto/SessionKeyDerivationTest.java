package dev.speckitty.adapters.storage.session.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.AEADBadTagException;
import org.junit.jupiter.api.Test;

class SessionKeyDerivationTest {

    @Test
    void keyIsDeterministicPerPassphraseAndSalt() {
        byte[] salt = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f");
        SessionKeyDerivation kdf = new SessionKeyDerivation("host:1".getBytes(StandardCharsets.UTF_8));
        SessionCipher cipher = new SessionCipher(SecureRandom::new);

        SessionCipher.Sealed sealed = cipher.encrypt(kdf.derive(salt), "hello".getBytes(StandardCharsets.UTF_8));

        assertThat(sealed.nonce()).hasSize(12);
        assertThat(sealed.ciphertext()).hasSize(5 + 16);
        assertThatThrownBy(() -> cipher.decrypt(
                        new SessionKeyDerivation("host:2".getBytes(StandardCharsets.UTF_8)).derive(salt),
                        sealed.nonce(), sealed.ciphertext()))
                .isInstanceOf(AEADBadTagException.class);
    }

    @Test
    void keyDoesNotShowInToString() {
        var key = new SessionKeyDerivation("host:1".getBytes(StandardCharsets.UTF_8)).derive(new byte[16]);
        assertThat(key.toString()).isEqualTo("SessionKey[redacted]");
    }

    @Test
    void refusesASaltOfTheWrongLength() {
        assertThatThrownBy(() -> new SessionKeyDerivation(new byte[] {1}).derive(new byte[15]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package org.splitcast.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;

class AesGcmTest {

    private final CryptoProvider crypto = CryptoProvider.getDefault();
    private final AesGcm gcm = new AesGcm(crypto);
    private final SecretKey key = SecretKeys.generateAes(crypto, 256);
    private final byte[] plaintext = "a content key of 32 bytes.......".getBytes(StandardCharsets.US_ASCII);
    private final byte[] aad = "content/c1/key/k1".getBytes(StandardCharsets.UTF_8);

    @Test
    void sealedMessageOpensToThePlaintext() {
        byte[] sealed = gcm.seal(key, plaintext, aad);

        assertEquals(AesGcm.NONCE_BYTES + plaintext.length + AesGcm.TAG_BYTES, sealed.length);
        assertArrayEquals(plaintext, gcm.open(key, sealed, aad));
    }

    @Test
    void sealingTwiceGivesDifferentCiphertexts() {
        assertFalse(Arrays.equals(gcm.seal(key, plaintext, aad), gcm.seal(key, plaintext, aad)));
    }

    @Test
    void otherAssociatedDataIsRejected() {
        byte[] sealed = gcm.seal(key, plaintext, aad);

        assertThrows(IntegrityException.class, () -> gcm.open(key, sealed, "content/c2/key/k1".getBytes()));
    }

    @Test
    void everyAlteredByteIsRejected() {
        byte[] sealed = gcm.seal(key, plaintext, aad);
        for (int i = 0; i < sealed.length; i++) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x01;
            assertThrows(IntegrityException.class, () -> gcm.open(key, tampered, aad), "byte " + i);
        }
    }

    @Test
    void truncatedMessageIsRejected() {
        byte[] sealed = gcm.seal(key, plaintext, aad);

        assertThrows(IntegrityException.class, () -> gcm.open(key, Arrays.copyOf(sealed, sealed.length - 1), aad));
        assertThrows(IntegrityException.class, () -> gcm.open(key, Arrays.copyOf(sealed, 20), aad));
    }

    @Test
    void otherKeyIsRejected() {
        byte[] sealed = gcm.seal(key, plaintext, aad);

        assertThrows(IntegrityException.class, () -> gcm.open(SecretKeys.generateAes(crypto, 256), sealed, aad));
    }
}

package org.splitcast.registry.keys.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.splitcast.crypto.AesGcm;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.crypto.IntegrityException;
import org.splitcast.crypto.SecretKeys;
import org.splitcast.registry.keys.KeyOwner;

class EnvelopeCipherTest {

    private final CryptoProvider crypto = CryptoProvider.getDefault();
    private final SecretKey v1 = SecretKeys.generateAes(crypto, 256);
    private final SecretKey v2 = SecretKeys.generateAes(crypto, 256);
    private final byte[] kt = crypto.randomBytes(32);

    private EnvelopeCipher cipher(int current, Map<Integer, SecretKey> keys) {
        return new EnvelopeCipher(
                new MasterKeys() {
                    @Override
                    public int currentVersion() {
                        return current;
                    }

                    @Override
                    public Optional<SecretKey> key(int version) {
                        return Optional.ofNullable(keys.get(version));
                    }
                },
                new AesGcm(crypto));
    }

    @Test
    void wrappedKeyUnwrapsForItsOwner() {
        EnvelopeCipher cipher = cipher(1, Map.of(1, v1));

        byte[] envelope = cipher.seal(kt, KeyOwner.terminal("t1"));

        assertEquals(3 + 12 + 32 + 16, envelope.length);
        assertEquals(1, envelope[0]);
        assertArrayEquals(kt, cipher.open(envelope, KeyOwner.terminal("t1")));
    }

    @Test
    void envelopeDoesNotContainTheKey() {
        byte[] envelope = cipher(1, Map.of(1, v1)).seal(kt, KeyOwner.terminal("t1"));

        for (int i = 0; i + 4 <= kt.length; i++) {
            assertEquals(-1, indexOf(envelope, Arrays.copyOfRange(kt, i, i + 4)), "4 key bytes from offset " + i);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void wrongAssociatedDataFails() {
        EnvelopeCipher cipher = cipher(1, Map.of(1, v1));
        byte[] envelope = cipher.seal(kt, KeyOwner.terminal("t1"));

        assertThrows(IntegrityException.class, () -> cipher.open(envelope, KeyOwner.terminal("t2")));
        assertThrows(IntegrityException.class, () -> cipher.open(envelope, KeyOwner.contentKey("t1", "k")));
    }

    @Test
    void tamperedCiphertextFails() {
        EnvelopeCipher cipher = cipher(1, Map.of(1, v1));
        byte[] envelope = cipher.seal(kt, KeyOwner.contentKey("c1", "k1"));

        for (int i = 0; i < envelope.length; i++) {
            byte[] tampered = envelope.clone();
            tampered[i] ^= (byte) 0x80;
            assertThrows(
                    IntegrityException.class,
                    () -> cipher.open(tampered, KeyOwner.contentKey("c1", "k1")),
                    "flipped byte " + i);
        }
        assertThrows(
                IntegrityException.class,
                () -> cipher.open(Arrays.copyOf(envelope, envelope.length - 1), KeyOwner.contentKey("c1", "k1")));
    }

    @Test
    void oldEnvelopesOpenAfterMasterKeyRotation() {
        byte[] old = cipher(1, Map.of(1, v1)).seal(kt, KeyOwner.terminal("t1"));
        EnvelopeCipher rotated = cipher(2, Map.of(1, v1, 2, v2));

        byte[] fresh = rotated.seal(kt, KeyOwner.terminal("t1"));

        assertEquals(2, fresh[2]);
        assertArrayEquals(kt, rotated.open(old, KeyOwner.terminal("t1")));
        assertArrayEquals(kt, rotated.open(fresh, KeyOwner.terminal("t1")));
    }

    @Test
    void envelopeOfAnotherVaultFails() {
        byte[] envelope = cipher(1, Map.of(1, v1)).seal(kt, KeyOwner.terminal("t1"));

        assertThrows(IntegrityException.class, () -> cipher(1, Map.of(1, v2)).open(envelope, KeyOwner.terminal("t1")));
        assertThrows(IntegrityException.class, () -> cipher(2, Map.of(2, v2)).open(envelope, KeyOwner.terminal("t1")));
    }
}

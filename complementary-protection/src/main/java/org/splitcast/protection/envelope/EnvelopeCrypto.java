package org.splitcast.protection.envelope;

import java.nio.charset.StandardCharsets;
import javax.crypto.spec.SecretKeySpec;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.crypto.Hkdf;
import org.splitcast.crypto.SecretKeys;

/**
 * The cryptographic construction of an envelope (docs/protected-complementary-format.md §3): key
 * derivation, nonce and associated data. Shared by {@link EnvelopeSealer} and {@link
 * EnvelopeOpener} so the two cannot drift apart.
 */
final class EnvelopeCrypto {

    static final String TRANSFORMATION = "AES/GCM/NoPadding";
    /** Size of a base key (Kc or TEK) and of a derived envelope key. */
    static final int KEY_BYTES = 32;

    static final int NONCE_BYTES = 12;
    /** First part of the HKDF info; the context's encoding follows after a zero byte. */
    static final byte[] INFO_PREFIX = "splitcast-scpe/1 key".getBytes(StandardCharsets.US_ASCII);

    private EnvelopeCrypto() {}

    static byte[] checkBaseKey(byte[] baseKey) {
        if (baseKey == null || baseKey.length != KEY_BYTES) {
            throw new IllegalArgumentException("an envelope base key (Kc or TEK) is " + KEY_BYTES + " bytes");
        }
        return baseKey.clone();
    }

    /**
     * {@code Ke = HKDF-SHA256(IKM = base key, salt = seal salt, info = "splitcast-scpe/1 key" || 00
     * || context, L = 32)}.
     */
    static SecretKeySpec deriveKey(CryptoProvider crypto, byte[] baseKey, byte[] salt, EnvelopeContext context) {
        byte[] encoded = context.encodedRef();
        byte[] info = new byte[INFO_PREFIX.length + 1 + encoded.length];
        System.arraycopy(INFO_PREFIX, 0, info, 0, INFO_PREFIX.length);
        System.arraycopy(encoded, 0, info, INFO_PREFIX.length + 1, encoded.length);
        byte[] derived = new Hkdf(crypto).derive(baseKey, salt, info, KEY_BYTES);
        try {
            return new SecretKeySpec(derived, "AES");
        } finally {
            SecretKeys.wipe(derived);
        }
    }

    /** {@code nonce = type || 00 00 00 || index (u64)}. */
    static byte[] nonce(EnvelopeType type, long index) {
        byte[] nonce = new byte[NONCE_BYTES];
        nonce[0] = (byte) type.code();
        for (int i = 0; i < 8; i++) {
            nonce[4 + i] = (byte) (index >>> (56 - 8 * i));
        }
        return nonce;
    }
}

package org.splitcast.crypto;

import java.security.InvalidKeyException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF with HMAC-SHA256 (RFC 5869): extract then expand. Used to derive single-purpose keys (a
 * leaf key of a multicast key tree from a session key, a chunk key from a traffic key, a proof key
 * from a terminal key) so that one secret never serves two algorithms.
 */
public final class Hkdf {

    /** Output size of HMAC-SHA256, and the size of every key derived here by default. */
    public static final int HASH_BYTES = 32;

    private static final String HMAC = "HmacSHA256";

    private final CryptoProvider provider;

    public Hkdf(CryptoProvider provider) {
        this.provider = provider;
    }

    /**
     * {@code length} bytes of OKM for {@code ikm}, {@code salt} (null or empty: 32 zero bytes) and
     * {@code info}. The caller owns (and should wipe) the result.
     *
     * @throws IllegalArgumentException if {@code length} is not 1 to 255 × 32
     */
    public byte[] derive(byte[] ikm, byte[] salt, byte[] info, int length) {
        if (length < 1 || length > 255 * HASH_BYTES) {
            throw new IllegalArgumentException(
                    "HKDF-SHA256 output length " + length + " out of 1.." + 255 * HASH_BYTES);
        }
        byte[] prk = null;
        byte[] block = new byte[0];
        try {
            Mac mac = provider.mac(HMAC);
            mac.init(new SecretKeySpec(salt == null || salt.length == 0 ? new byte[HASH_BYTES] : salt, HMAC));
            prk = mac.doFinal(ikm);
            mac.init(new SecretKeySpec(prk, HMAC));
            byte[] out = new byte[length];
            int done = 0;
            for (int counter = 1; done < length; counter++) {
                mac.update(block);
                mac.update(info == null ? new byte[0] : info);
                mac.update((byte) counter);
                SecretKeys.wipe(block);
                block = mac.doFinal();
                int n = Math.min(block.length, length - done);
                System.arraycopy(block, 0, out, done, n);
                done += n;
            }
            return out;
        } catch (InvalidKeyException e) {
            throw new CryptoException("HKDF-SHA256 failed", e);
        } finally {
            SecretKeys.wipe(prk);
            SecretKeys.wipe(block);
        }
    }

    /** A 32-byte key: {@link #derive} with {@link #HASH_BYTES}. */
    public byte[] deriveKey(byte[] ikm, byte[] salt, byte[] info) {
        return derive(ikm, salt, info, HASH_BYTES);
    }
}

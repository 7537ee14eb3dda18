package org.splitcast.crypto;

import java.security.InvalidKeyException;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF with HMAC-SHA256 (RFC 5869), the one key-derivation function of splitcast: the license
 * format's grant key Km (docs/license-format.md §4) and the keys of protected complementary
 * envelopes (docs/protected-complementary-format.md §3) are both derived with it.
 *
 * <p>The HMAC engine comes from the {@link CryptoProvider}. Results belong to the caller, who
 * should wipe them ({@link SecretKeys#wipe}) when done; nothing here keeps a copy.
 */
public final class Hkdf {

    /** Output size of HMAC-SHA256, and the size of a pseudorandom key. */
    public static final int HASH_BYTES = 32;
    /** RFC 5869 §2.3: L ≤ 255 × HashLen. */
    public static final int MAX_OUTPUT_BYTES = 255 * HASH_BYTES;

    private static final String HMAC = "HmacSHA256";

    private final CryptoProvider crypto;

    public Hkdf(CryptoProvider crypto) {
        this.crypto = Objects.requireNonNull(crypto, "crypto");
    }

    /**
     * HKDF-Extract: {@code PRK = HMAC-SHA256(salt, ikm)}; a null or empty salt is {@value
     * #HASH_BYTES} zero bytes (RFC 5869 §2.2).
     */
    public byte[] extract(byte[] salt, byte[] ikm) {
        Objects.requireNonNull(ikm, "ikm");
        byte[] key = salt == null || salt.length == 0 ? new byte[HASH_BYTES] : salt;
        Mac mac = mac(key);
        return mac.doFinal(ikm);
    }

    /**
     * HKDF-Expand: {@code T(1) || T(2) || ...} truncated to {@code length}, where {@code T(i) =
     * HMAC-SHA256(prk, T(i-1) || info || i)}.
     */
    public byte[] expand(byte[] prk, byte[] info, int length) {
        Objects.requireNonNull(prk, "prk");
        if (prk.length < HASH_BYTES) {
            throw new IllegalArgumentException("a pseudorandom key has at least " + HASH_BYTES + " bytes");
        }
        if (length < 1 || length > MAX_OUTPUT_BYTES) {
            throw new IllegalArgumentException("HKDF-SHA256 output length must be 1 to " + MAX_OUTPUT_BYTES);
        }
        byte[] information = info == null ? new byte[0] : info;
        Mac mac = mac(prk);
        byte[] out = new byte[length];
        byte[] previous = new byte[0];
        int done = 0;
        for (int i = 1; done < length; i++) {
            mac.update(previous);
            mac.update(information);
            mac.update((byte) i);
            byte[] block = mac.doFinal();
            SecretKeys.wipe(previous);
            int n = Math.min(block.length, length - done);
            System.arraycopy(block, 0, out, done, n);
            done += n;
            previous = block;
        }
        SecretKeys.wipe(previous);
        return out;
    }

    /** Extract then expand: {@code OKM = HKDF-Expand(HKDF-Extract(salt, ikm), info, length)}. */
    public byte[] derive(byte[] ikm, byte[] salt, byte[] info, int length) {
        byte[] prk = extract(salt, ikm);
        try {
            return expand(prk, info, length);
        } finally {
            SecretKeys.wipe(prk);
        }
    }

    private Mac mac(byte[] key) {
        Mac mac = crypto.mac(HMAC);
        try {
            mac.init(new SecretKeySpec(key, HMAC));
        } catch (InvalidKeyException e) {
            throw new CryptoException("HKDF-SHA256: the HMAC key was refused", e);
        }
        return mac;
    }
}

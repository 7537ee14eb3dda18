package org.splitcast.separation.selection;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keyed pseudo-random function that decides which bytes are extracted and what replaces them:
 * AES-128 in counter mode from the JDK, used as a PRF (its keystream), under a key derived from
 * the per-content secret with HMAC-SHA256 and a fixed label. No home-made cipher: both are
 * standard JCA algorithms that every JDK has.
 *
 * <p>The keystream is consumed in processing order, so the same secret and the same input give the
 * same main stream and the same complementary information. Not thread-safe: one per separation.
 */
public final class SelectionPrf {

    /** Secrets shorter than this are refused. */
    public static final int MIN_SECRET_BYTES = 16;

    static final byte[] LABEL = "splitcast/separation/selection-prf/v1".getBytes(StandardCharsets.US_ASCII);
    private static final int BLOCK = 4096;

    private final Cipher cipher;
    private final byte[] zeros = new byte[BLOCK];
    private final byte[] stream = new byte[BLOCK];
    private int pos = BLOCK;

    public SelectionPrf(byte[] secret) {
        if (secret == null || secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the selection secret needs at least " + MIN_SECRET_BYTES + " bytes");
        }
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] derived = hmac.doFinal(LABEL);
            SecretKeySpec key = new SecretKeySpec(derived, 0, 16, "AES");
            Arrays.fill(derived, (byte) 0);
            cipher = Cipher.getInstance("AES/CTR/NoPadding");
            // The key is used for this keystream only, so the all-zero initial counter is safe.
            cipher.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(new byte[16]));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks HmacSHA256 or AES/CTR", e);
        }
    }

    /** The next keystream byte, 0..255. */
    public int nextByte() {
        if (pos == BLOCK) {
            refill();
        }
        return stream[pos++] & 0xFF;
    }

    /** A value in {@code [0, bound)}, bound ≤ 2^16 (bias below 2^-16, irrelevant here). */
    public int nextInt(int bound) {
        if (bound <= 1) {
            return 0;
        }
        int v = (nextByte() << 24) | (nextByte() << 16) | (nextByte() << 8) | nextByte();
        return (int) (((v & 0xFFFF_FFFFL) * bound) >>> 32);
    }

    private void refill() {
        try {
            int n = cipher.update(zeros, 0, BLOCK, stream, 0);
            if (n != BLOCK) {
                throw new IllegalStateException("AES/CTR returned " + n + " bytes");
            }
        } catch (javax.crypto.ShortBufferException e) {
            throw new IllegalStateException(e);
        }
        pos = 0;
    }
}

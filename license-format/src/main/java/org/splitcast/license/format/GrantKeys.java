package org.splitcast.license.format;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.splitcast.crypto.CryptoException;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.crypto.SecretKeys;

/**
 * The grant key Km of a symmetric terminal (docs §4): HKDF-SHA256 (RFC 5869) with IKM = KT, no
 * salt, info {@code splitcast-license/1 grant}, L = 32.
 */
public final class GrantKeys {

    /** Size of KT, Kc and Km. */
    public static final int KEY_BYTES = 32;

    static final byte[] INFO = "splitcast-license/1 grant".getBytes(StandardCharsets.US_ASCII);

    private GrantKeys() {}

    /**
     * Km for the 32-byte KT: {@code PRK = HMAC-SHA256(32 zero bytes, KT)}, {@code Km =
     * HMAC-SHA256(PRK, info || 01)}. The caller owns (and should wipe) the result.
     */
    public static byte[] fromTerminalKey(byte[] kt, CryptoProvider crypto) {
        if (kt == null || kt.length != KEY_BYTES) {
            throw new IllegalArgumentException("a terminal key KT is " + KEY_BYTES + " bytes");
        }
        byte[] prk = null;
        try {
            Mac mac = crypto.mac("HmacSHA256");
            mac.init(new SecretKeySpec(new byte[KEY_BYTES], "HmacSHA256"));
            prk = mac.doFinal(kt);
            mac.init(new SecretKeySpec(prk, "HmacSHA256"));
            mac.update(INFO);
            mac.update((byte) 1);
            return mac.doFinal();
        } catch (InvalidKeyException e) {
            throw new CryptoException("HKDF-SHA256 of the terminal key failed", e);
        } finally {
            SecretKeys.wipe(prk);
        }
    }
}

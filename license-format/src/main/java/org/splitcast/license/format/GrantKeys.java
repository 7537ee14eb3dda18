package org.splitcast.license.format;

import java.nio.charset.StandardCharsets;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.crypto.Hkdf;

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
     * HMAC-SHA256(PRK, info || 01)} ({@link Hkdf}). The caller owns (and should wipe) the result.
     */
    public static byte[] fromTerminalKey(byte[] kt, CryptoProvider crypto) {
        if (kt == null || kt.length != KEY_BYTES) {
            throw new IllegalArgumentException("a terminal key KT is " + KEY_BYTES + " bytes");
        }
        return new Hkdf(crypto).derive(kt, null, INFO, KEY_BYTES);
    }
}

package org.splitcast.license.format;

import org.splitcast.crypto.CryptoProvider;

/** The request nonce of docs §1: base64url without padding of 16 to 64 random bytes. */
public final class Nonces {

    public static final int MIN_BYTES = 16;
    public static final int MAX_BYTES = 64;
    /** What {@link #generate} makes. */
    public static final int DEFAULT_BYTES = 32;

    private static final int MAX_CHARS = (MAX_BYTES * 4 + 2) / 3;

    private Nonces() {}

    /** 32 fresh random bytes, base64url without padding (43 characters). */
    public static String generate(CryptoProvider crypto) {
        return Base64Url.encode(crypto.randomBytes(DEFAULT_BYTES));
    }

    /**
     * Whether {@code nonce} is the canonical base64url (no padding) of 16 to 64 bytes. Never throws.
     */
    public static boolean isValid(String nonce) {
        if (nonce == null || nonce.length() > MAX_CHARS) {
            return false;
        }
        try {
            int bytes = Base64Url.decode(nonce).length;
            return bytes >= MIN_BYTES && bytes <= MAX_BYTES;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

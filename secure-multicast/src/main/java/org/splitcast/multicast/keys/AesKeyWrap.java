package org.splitcast.multicast.keys;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.Key;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.splitcast.crypto.CryptoException;
import org.splitcast.crypto.CryptoProvider;

/**
 * AES-256 key wrap (RFC 3394, {@code A256KW}) of one 32-byte key under another: 40 bytes out, with
 * the RFC's integrity check, so a wrong key or an altered entry is detected.
 */
final class AesKeyWrap {

    static final int KEY_BYTES = 32;
    static final int WRAPPED_BYTES = 40;

    private final CryptoProvider crypto;

    AesKeyWrap(CryptoProvider crypto) {
        this.crypto = crypto;
    }

    byte[] wrap(byte[] kek, byte[] key) {
        try {
            Cipher cipher = crypto.cipher("AESWrap");
            cipher.init(Cipher.WRAP_MODE, new SecretKeySpec(kek, "AES"));
            return cipher.wrap(new SecretKeySpec(key, "AES"));
        } catch (GeneralSecurityException e) {
            throw new CryptoException("AES key wrap (RFC 3394) failed", e);
        }
    }

    /** The unwrapped key, or null if the integrity check fails (wrong key or altered bytes). */
    byte[] unwrap(byte[] kek, byte[] wrapped) {
        if (wrapped.length != WRAPPED_BYTES) {
            return null;
        }
        try {
            Cipher cipher = crypto.cipher("AESWrap");
            cipher.init(Cipher.UNWRAP_MODE, new SecretKeySpec(kek, "AES"));
            Key key = cipher.unwrap(wrapped, "AES", Cipher.SECRET_KEY);
            return key.getEncoded();
        } catch (InvalidKeyException e) {
            return null;
        } catch (GeneralSecurityException e) {
            throw new CryptoException("AES key unwrap (RFC 3394) failed", e);
        }
    }
}

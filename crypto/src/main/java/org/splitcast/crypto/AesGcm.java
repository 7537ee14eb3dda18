package org.splitcast.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-GCM with a fresh random 96-bit nonce per message and 128-bit tags. {@link #seal} returns
 * {@code nonce || ciphertext || tag}; {@link #open} checks the tag over the ciphertext and the
 * associated data before it returns a single byte.
 *
 * <p>Random nonces bound one key to about 2^32 messages (NIST SP 800-38D §8.3): ample for keys
 * that wrap other keys, which is what this class is used for.
 */
public final class AesGcm {

    public static final int NONCE_BYTES = 12;
    public static final int TAG_BYTES = 16;

    private final CryptoProvider provider;

    public AesGcm(CryptoProvider provider) {
        this.provider = provider;
    }

    /** Encrypts and authenticates {@code plaintext}, binding {@code aad} to it. */
    public byte[] seal(SecretKey key, byte[] plaintext, byte[] aad) {
        byte[] nonce = provider.randomBytes(NONCE_BYTES);
        try {
            Cipher cipher = provider.threadCipher("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, nonce));
            cipher.updateAAD(aad);
            ByteBuffer out = ByteBuffer.allocate(NONCE_BYTES + cipher.getOutputSize(plaintext.length));
            out.put(nonce);
            cipher.doFinal(ByteBuffer.wrap(plaintext), out);
            return out.array();
        } catch (GeneralSecurityException e) {
            throw new CryptoException("AES-GCM encryption failed", e);
        }
    }

    /**
     * Checks and decrypts what {@link #seal} produced.
     *
     * @throws IntegrityException if the key, the associated data or any byte of {@code sealed} is
     *     not what sealed it
     */
    public byte[] open(SecretKey key, byte[] sealed, byte[] aad) {
        if (sealed.length < NONCE_BYTES + TAG_BYTES) {
            throw new IntegrityException("AES-GCM message too short: " + sealed.length + " bytes");
        }
        try {
            Cipher cipher = provider.threadCipher("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(aad);
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new IntegrityException(
                    "AES-GCM authentication failed (wrong key, associated data or altered data)", e);
        } catch (GeneralSecurityException e) {
            throw new CryptoException("AES-GCM decryption failed", e);
        }
    }
}

package org.splitcast.crypto;

import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.KeyGenerator;
import javax.crypto.Mac;

/**
 * Where every JCA engine of splitcast comes from. Implementations pass a provider instance
 * explicitly to {@code getInstance(algorithm, provider)} and wrap failures in a {@link
 * CryptoException} that names the algorithm, never a key.
 *
 * <p>Use {@link #getDefault()}; a faster implementation (a native provider for signatures, see
 * CRYPTO-NOTES.md) can stand behind the same interface without its callers changing.
 */
public interface CryptoProvider {

    /** The process-wide provider: BouncyCastle, instantiated once. */
    static CryptoProvider getDefault() {
        return BouncyCastleCryptoProvider.INSTANCE;
    }

    /** A short name for logs and health reports. */
    String name();

    /** The random source for keys, nonces and salts. */
    SecureRandom secureRandom();

    /** {@code n} fresh random bytes. */
    default byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        secureRandom().nextBytes(bytes);
        return bytes;
    }

    Cipher cipher(String transformation);

    Mac mac(String algorithm);

    Signature signature(String algorithm);

    KeyAgreement keyAgreement(String algorithm);

    KeyFactory keyFactory(String algorithm);

    KeyGenerator keyGenerator(String algorithm);

    KeyPairGenerator keyPairGenerator(String algorithm);

    MessageDigest messageDigest(String algorithm);

    /**
     * A key store of the given type, not yet loaded. {@code PKCS12} is the JDK's own, which (unlike
     * BouncyCastle's) stores secret-key entries, protected with PBES2/AES-256.
     */
    KeyStore keyStore(String type);
}

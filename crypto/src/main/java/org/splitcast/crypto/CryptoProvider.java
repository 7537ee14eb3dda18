package org.splitcast.crypto;

import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
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
 * <p>Use {@link #getDefault()}. When the Amazon Corretto Crypto Provider (native AWS-LC code)
 * loads, it serves the public-key operations it does several times faster than Java code (RSA
 * and ECDSA signatures, RSA-OAEP, ECDH, EC key generation), and BouncyCastle everything else;
 * otherwise, or with {@code -Dsplitcast.crypto.native=false}, BouncyCastle serves everything.
 * Neither is ever installed JVM-wide.
 */
public interface CryptoProvider {

    /**
     * System property that, set to {@code false}, keeps the native provider out: {@link
     * #getDefault()} is then BouncyCastle alone.
     */
    String NATIVE_PROPERTY = "splitcast.crypto.native";

    /**
     * The process-wide provider (per class loader), chosen once: the native provider with
     * BouncyCastle behind it if it loads and is not switched off by {@value #NATIVE_PROPERTY},
     * else BouncyCastle alone. {@link #name()} says which.
     */
    static CryptoProvider getDefault() {
        return DefaultCryptoProvider.INSTANCE;
    }

    /** BouncyCastle alone, whatever the native provider's state: the portable reference. */
    static CryptoProvider bouncyCastle() {
        return BouncyCastleCryptoProvider.INSTANCE;
    }

    /** A short name for logs and health reports; says whether native code is in use. */
    String name();

    /** Whether some engines come from native code (the Amazon Corretto Crypto Provider). */
    default boolean nativeAccelerated() {
        return false;
    }

    /** The random source for keys, nonces and salts. */
    SecureRandom secureRandom();

    /** {@code n} fresh random bytes. */
    default byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        secureRandom().nextBytes(bytes);
        return bytes;
    }

    /**
     * {@code key} in the form this provider's signature engines use fastest, for a private key that
     * signs many times: translate it once, keep the result, and sign with it instead of the
     * original. The native provider converts a foreign RSA or EC key into its own on every {@code
     * initSign} otherwise, which doubles the cost of an RSA-PSS signature. Other providers, and keys
     * they do not know, return {@code key} itself. Never fails: the original is the fallback.
     */
    default PrivateKey prepareSigningKey(PrivateKey key) {
        return key;
    }

    Cipher cipher(String transformation);

    /**
     * A cipher for bulk data, where throughput matters (the protected complementary envelopes:
     * AES-256-GCM over every chunk a server ingests and a terminal plays). The native provider's
     * AES-GCM (AES-NI and carry-less multiplication) is about 50 times faster here than
     * BouncyCastle's Java code; where native code is not loaded, or lacks the transformation, this
     * is {@link #cipher(String)}. The output is the same either way: the algorithms are
     * standard.
     */
    default Cipher bulkCipher(String transformation) {
        return cipher(transformation);
    }

    Mac mac(String algorithm);

    /**
     * This thread's own Mac for the algorithm, the same object at each call on the thread: no
     * provider look-up (BouncyCastle's is synchronized) after the first. For a use that ends before
     * the thread asks for the same engine again ({@code init}, {@code update}, {@code doFinal}, with
     * no call in between that could use one): the way a request's HMAC is computed.
     */
    default Mac threadMac(String algorithm) {
        return ThreadEngines.get(this, "Mac", algorithm, () -> mac(algorithm));
    }

    /** This thread's own MessageDigest for the algorithm, under the rule of {@link #threadMac}. */
    default MessageDigest threadDigest(String algorithm) {
        return ThreadEngines.get(this, "MessageDigest", algorithm, () -> messageDigest(algorithm));
    }

    /**
     * This thread's own Cipher for the transformation, under the rule of {@link #threadMac} ({@code
     * init} before each use).
     */
    default Cipher threadCipher(String transformation) {
        return ThreadEngines.get(this, "Cipher", transformation, () -> cipher(transformation));
    }

    /**
     * A fresh Signature (no per-thread one: the native provider's engine, initialized again with a
     * key it translated, destroys that key, which breaks the next signature after a key rotation).
     */
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

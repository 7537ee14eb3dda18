package org.splitcast.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.KeyGenerator;
import javax.crypto.Mac;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * {@link CryptoProvider} on one BouncyCastle instance that is never registered with {@link
 * java.security.Security}: inside an application server a JVM-wide registration would pin this
 * deployment's class loader and clash with the server's own copy of BouncyCastle.
 *
 * <p>It also answers to the JDK's standard names that BouncyCastle spells differently (ECDSA
 * signatures in the IEEE P1363 format, R || S, which JWS ES256 uses), so that callers can use one
 * name whichever provider stands behind {@link CryptoProvider}.
 */
final class BouncyCastleCryptoProvider implements CryptoProvider {

    static final BouncyCastleCryptoProvider INSTANCE = new BouncyCastleCryptoProvider();

    /** JDK standard name (upper case) to BouncyCastle's name for the same algorithm. */
    private static final Map<String, String> SIGNATURE_ALIASES = Map.of(
            "SHA256WITHECDSAINP1363FORMAT", "SHA256withPLAIN-ECDSA",
            "SHA384WITHECDSAINP1363FORMAT", "SHA384withPLAIN-ECDSA",
            "SHA512WITHECDSAINP1363FORMAT", "SHA512withPLAIN-ECDSA");

    private final Provider bc = new BouncyCastleProvider();
    private final SecureRandom random = new SecureRandom();

    private BouncyCastleCryptoProvider() {}

    @Override
    public String name() {
        return bc.getName() + " " + bc.getVersionStr();
    }

    @Override
    public SecureRandom secureRandom() {
        return random;
    }

    @Override
    public Cipher cipher(String transformation) {
        return engine("cipher", transformation, () -> Cipher.getInstance(transformation, bc));
    }

    @Override
    public Mac mac(String algorithm) {
        return engine("MAC", algorithm, () -> Mac.getInstance(algorithm, bc));
    }

    @Override
    public Signature signature(String algorithm) {
        String name = SIGNATURE_ALIASES.getOrDefault(algorithm.toUpperCase(Locale.ROOT), algorithm);
        return engine("signature", algorithm, () -> Signature.getInstance(name, bc));
    }

    @Override
    public KeyAgreement keyAgreement(String algorithm) {
        return engine("key agreement", algorithm, () -> KeyAgreement.getInstance(algorithm, bc));
    }

    @Override
    public KeyFactory keyFactory(String algorithm) {
        return engine("key factory", algorithm, () -> KeyFactory.getInstance(algorithm, bc));
    }

    @Override
    public KeyGenerator keyGenerator(String algorithm) {
        return engine("key generator", algorithm, () -> KeyGenerator.getInstance(algorithm, bc));
    }

    @Override
    public KeyPairGenerator keyPairGenerator(String algorithm) {
        return engine("key pair generator", algorithm, () -> KeyPairGenerator.getInstance(algorithm, bc));
    }

    @Override
    public MessageDigest messageDigest(String algorithm) {
        return engine("digest", algorithm, () -> MessageDigest.getInstance(algorithm, bc));
    }

    @Override
    public KeyStore keyStore(String type) {
        // The JDK's PKCS12 keeps secret-key entries; BouncyCastle's does not.
        return engine("key store", type, () -> KeyStore.getInstance(type));
    }

    private interface Factory<T> {
        T create() throws GeneralSecurityException;
    }

    private static <T> T engine(String kind, String algorithm, Factory<T> factory) {
        try {
            return factory.create();
        } catch (GeneralSecurityException e) {
            throw new CryptoException("No " + kind + " engine for " + algorithm, e);
        }
    }
}

package org.splitcast.crypto;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.util.Locale;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.KeyGenerator;
import javax.crypto.Mac;

/**
 * The Amazon Corretto Crypto Provider (native AWS-LC) for the public-key operations where it is
 * much faster than Java code and behaves like BouncyCastle with BouncyCastle's keys; BouncyCastle
 * for everything else (formats, key factories, AES, HMAC, Ed25519, X25519, key stores).
 *
 * <p>AES-GCM of bulk data (the protected complementary chunks) is native through {@link
 * #bulkCipher}; the few key-wrapping AES-GCM operations of {@link #cipher} stay on BouncyCastle.
 *
 * <p>Why not Ed25519 too: ACCP 2.5 implements it, but refuses BouncyCastle's Ed25519 keys (it
 * expects the JDK's algorithm name {@code EdDSA}), and signing keys are read with BouncyCastle.
 * Why not AES key wrap: ACCP has only the padded variant (RFC 5649), not RFC 3394.
 */
final class NativeCryptoProvider implements CryptoProvider {

    /** Upper-case JCA names served natively; everything else goes to BouncyCastle. */
    private static final Set<String> SIGNATURES = Set.of(
            "RSASSA-PSS",
            "SHA256WITHRSA",
            "SHA256WITHECDSA",
            "SHA384WITHECDSA",
            "SHA256WITHECDSAINP1363FORMAT",
            "SHA384WITHECDSAINP1363FORMAT");

    private static final Set<String> CIPHERS = Set.of("RSA/ECB/OAEPPADDING");
    /** Served natively by {@link #bulkCipher}; {@link #cipher} keeps them on BouncyCastle. */
    private static final Set<String> BULK_CIPHERS = Set.of("AES/GCM/NOPADDING");

    private static final Set<String> KEY_AGREEMENTS = Set.of("ECDH");
    /** EC only: ephemeral keys of ECDH-ES are made on every access block. */
    private static final Set<String> KEY_PAIR_GENERATORS = Set.of("EC");

    private final Provider fast;
    private final CryptoProvider bc;

    NativeCryptoProvider(Provider fast, CryptoProvider bc) {
        this.fast = fast;
        this.bc = bc;
    }

    @Override
    public String name() {
        return fast.getName() + " " + fast.getVersionStr()
                + " (native: RSA/ECDSA signatures, RSA-OAEP, ECDH, EC keys, bulk AES-GCM) + " + bc.name();
    }

    @Override
    public boolean nativeAccelerated() {
        return true;
    }

    /** The native provider, for tests and health reports. */
    Provider nativeProvider() {
        return fast;
    }

    @Override
    public PrivateKey prepareSigningKey(PrivateKey key) {
        String algorithm = key instanceof RSAKey ? "RSA" : key instanceof ECKey ? "EC" : null;
        if (algorithm == null || key.getClass().getName().startsWith("com.amazon.corretto.")) {
            return key;
        }
        try {
            Key translated = KeyFactory.getInstance(algorithm, fast).translateKey(key);
            return translated instanceof PrivateKey prepared ? prepared : key;
        } catch (GeneralSecurityException | RuntimeException e) {
            return key;
        }
    }

    @Override
    public SecureRandom secureRandom() {
        return bc.secureRandom();
    }

    @Override
    public Cipher cipher(String transformation) {
        if (CIPHERS.contains(upper(transformation))) {
            Cipher cipher = nativeEngine(() -> Cipher.getInstance(transformation, fast));
            if (cipher != null) {
                return cipher;
            }
        }
        return bc.cipher(transformation);
    }

    @Override
    public Cipher bulkCipher(String transformation) {
        if (BULK_CIPHERS.contains(upper(transformation))) {
            Cipher cipher = nativeEngine(() -> Cipher.getInstance(transformation, fast));
            if (cipher != null) {
                return cipher;
            }
        }
        return cipher(transformation);
    }

    @Override
    public Mac mac(String algorithm) {
        return bc.mac(algorithm);
    }

    @Override
    public Signature signature(String algorithm) {
        if (SIGNATURES.contains(upper(algorithm))) {
            Signature signature = nativeEngine(() -> Signature.getInstance(algorithm, fast));
            if (signature != null) {
                return signature;
            }
        }
        return bc.signature(algorithm);
    }

    @Override
    public KeyAgreement keyAgreement(String algorithm) {
        if (KEY_AGREEMENTS.contains(upper(algorithm))) {
            KeyAgreement agreement = nativeEngine(() -> KeyAgreement.getInstance(algorithm, fast));
            if (agreement != null) {
                return agreement;
            }
        }
        return bc.keyAgreement(algorithm);
    }

    @Override
    public KeyFactory keyFactory(String algorithm) {
        return bc.keyFactory(algorithm);
    }

    @Override
    public KeyGenerator keyGenerator(String algorithm) {
        return bc.keyGenerator(algorithm);
    }

    @Override
    public KeyPairGenerator keyPairGenerator(String algorithm) {
        if (KEY_PAIR_GENERATORS.contains(upper(algorithm))) {
            KeyPairGenerator generator = nativeEngine(() -> KeyPairGenerator.getInstance(algorithm, fast));
            if (generator != null) {
                return generator;
            }
        }
        return bc.keyPairGenerator(algorithm);
    }

    @Override
    public MessageDigest messageDigest(String algorithm) {
        return bc.messageDigest(algorithm);
    }

    @Override
    public KeyStore keyStore(String type) {
        return bc.keyStore(type);
    }

    private interface Factory<T> {
        T create() throws GeneralSecurityException;
    }

    /** The native engine, or null (then BouncyCastle's) should this ACCP build lack it. */
    private static <T> T nativeEngine(Factory<T> factory) {
        try {
            return factory.create();
        } catch (GeneralSecurityException e) {
            return null;
        }
    }

    private static String upper(String name) {
        return name.toUpperCase(Locale.ROOT);
    }
}

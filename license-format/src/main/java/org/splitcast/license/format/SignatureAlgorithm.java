package org.splitcast.license.format;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import org.splitcast.crypto.CryptoException;
import org.splitcast.crypto.CryptoProvider;

/** The signature algorithms of the access block (docs §3.3), by their JWS {@code alg} names. */
public enum SignatureAlgorithm {
    /** RSASSA-PSS, SHA-256, MGF1-SHA-256, salt 32, trailer 1; RSA 3072 when generated. The default. */
    PS256("PS256", "RSASSA-PSS", "RSA"),
    /** ECDSA on P-256 with SHA-256; the signature is R || S, 64 bytes (RFC 7518 §3.4). */
    ES256("ES256", "SHA256withECDSAinP1363Format", "EC"),
    /** Ed25519 (RFC 8032, pure); 64-byte signatures. */
    EdDSA("EdDSA", "Ed25519", "OKP");

    /** RSA modulus size of generated PS256 keys. */
    public static final int RSA_BITS = 3072;

    private static final PSSParameterSpec PSS =
            new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1);

    private final String jwsName;
    private final String jcaName;
    private final String keyType;

    SignatureAlgorithm(String jwsName, String jcaName, String keyType) {
        this.jwsName = jwsName;
        this.jcaName = jcaName;
        this.keyType = keyType;
    }

    /** {@code PS256}, {@code ES256} or {@code EdDSA}. */
    public String jwsName() {
        return jwsName;
    }

    /** The JWK {@code kty} of this algorithm's keys: {@code RSA}, {@code EC} or {@code OKP}. */
    public String keyType() {
        return keyType;
    }

    /**
     * The algorithm of a JWS {@code alg} value, compared exactly (JWS names are case-sensitive).
     *
     * @throws IllegalArgumentException for any other name, {@code none} included
     */
    public static SignatureAlgorithm fromJwsName(String name) {
        for (SignatureAlgorithm algorithm : values()) {
            if (algorithm.jwsName.equals(name)) {
                return algorithm;
            }
        }
        throw new IllegalArgumentException("unsupported signature algorithm '" + name + "' (PS256, ES256, EdDSA)");
    }

    /** A new signing key pair: RSA 3072, EC P-256 or Ed25519. */
    public KeyPair generateKeyPair(CryptoProvider crypto) {
        try {
            KeyPairGenerator generator;
            switch (this) {
                case PS256 -> {
                    generator = crypto.keyPairGenerator("RSA");
                    generator.initialize(
                            new RSAKeyGenParameterSpec(RSA_BITS, RSAKeyGenParameterSpec.F4), crypto.secureRandom());
                }
                case ES256 -> {
                    generator = crypto.keyPairGenerator("EC");
                    generator.initialize(new ECGenParameterSpec("secp256r1"), crypto.secureRandom());
                }
                default -> generator = crypto.keyPairGenerator("Ed25519");
            }
            return generator.generateKeyPair();
        } catch (InvalidAlgorithmParameterException e) {
            throw new CryptoException("cannot generate a " + jwsName + " key pair", e);
        }
    }

    /**
     * The algorithm a public key is for: RSA (at least 2048 bits) is PS256, EC P-256 is ES256,
     * Ed25519 is EdDSA.
     *
     * @throws IllegalArgumentException for any other key
     */
    public static SignatureAlgorithm of(PublicKey key) {
        if (key == null) {
            throw new IllegalArgumentException("no public key");
        }
        return switch (Keys.kind(key)) {
            case RSA -> {
                int bits = Keys.rsaBits(key);
                if (bits < Keys.MIN_RSA_BITS) {
                    throw new IllegalArgumentException(
                            "RSA key of " + bits + " bits; PS256 needs at least " + Keys.MIN_RSA_BITS);
                }
                yield PS256;
            }
            case P256 -> ES256;
            case ED25519 -> EdDSA;
            default -> throw new IllegalArgumentException(
                    "no signature algorithm for a " + key.getAlgorithm() + " key (RSA, EC P-256 or Ed25519)");
        };
    }

    /** Whether {@code key} is a private key of this algorithm's kind. */
    boolean fits(PrivateKey key) {
        Keys.Kind kind = Keys.kind(key);
        return switch (this) {
            case PS256 -> kind == Keys.Kind.RSA && Keys.rsaBits(key) >= Keys.MIN_RSA_BITS;
            case ES256 -> kind == Keys.Kind.P256;
            case EdDSA -> kind == Keys.Kind.ED25519;
        };
    }

    /** Signs the JWS signing input; a fresh engine per call (engines are not thread-safe). */
    byte[] sign(PrivateKey key, byte[] signingInput, CryptoProvider crypto) {
        try {
            Signature signer = engine(crypto);
            signer.initSign(key);
            signer.update(signingInput);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new CryptoException(jwsName + " signing failed", e);
        }
    }

    /** Whether {@code signature} is this algorithm's valid signature of the input under {@code key}. */
    boolean verify(PublicKey key, byte[] signingInput, byte[] signature, CryptoProvider crypto) {
        if (signature.length != signatureLength(key)) {
            return false;
        }
        try {
            Signature verifier = engine(crypto);
            verifier.initVerify(key);
            verifier.update(signingInput);
            return verifier.verify(signature);
        } catch (SignatureException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new CryptoException(jwsName + " verification failed", e);
        }
    }

    private int signatureLength(PublicKey key) {
        if (this == PS256) {
            BigInteger modulus = ((java.security.interfaces.RSAKey) key).getModulus();
            return (modulus.bitLength() + 7) / 8;
        }
        return 64;
    }

    private Signature engine(CryptoProvider crypto) throws InvalidAlgorithmParameterException {
        Signature signature = crypto.signature(jcaName);
        if (this == PS256) {
            signature.setParameter(PSS);
        }
        return signature;
    }
}

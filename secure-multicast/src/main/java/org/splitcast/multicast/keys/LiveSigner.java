package org.splitcast.multicast.keys;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Objects;
import org.splitcast.crypto.CryptoException;
import org.splitcast.crypto.CryptoProvider;

/**
 * The central server's live signing key: ECDSA P-256 with SHA-256, signatures as R || S (64
 * bytes, IEEE P1363, as JWS ES256). It signs key messages (so that an edge node, which relays them,
 * cannot forge one) and join tickets (so that an edge node subscribes only for terminals the
 * server admitted). Each signed structure starts with its own magic, so a signature of one kind is
 * never valid as another. {@code keyId} names the key, for rotation.
 */
public final class LiveSigner {

    static final String ALGORITHM = "SHA256withECDSAinP1363Format";
    public static final int SIGNATURE_BYTES = 64;

    private final String keyId;
    private final PrivateKey privateKey;
    private final LiveVerifier verifier;
    private final CryptoProvider crypto;

    public LiveSigner(String keyId, PrivateKey privateKey, PublicKey publicKey, CryptoProvider crypto) {
        this.keyId = Objects.requireNonNull(keyId, "keyId");
        this.privateKey = crypto.prepareSigningKey(Objects.requireNonNull(privateKey, "privateKey"));
        this.crypto = crypto;
        this.verifier = new LiveVerifier(keyId, publicKey, crypto);
    }

    /** A fresh P-256 key pair for a live signing key. */
    public static KeyPair generateKeyPair(CryptoProvider crypto) {
        try {
            KeyPairGenerator generator = crypto.keyPairGenerator("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), crypto.secureRandom());
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new CryptoException("cannot generate a P-256 key pair", e);
        }
    }

    /** A signer with a freshly generated key (tests, development server). */
    public static LiveSigner generate(String keyId, CryptoProvider crypto) {
        KeyPair pair = generateKeyPair(crypto);
        return new LiveSigner(keyId, pair.getPrivate(), pair.getPublic(), crypto);
    }

    public String keyId() {
        return keyId;
    }

    /** What edges and terminals need to check this key's signatures. */
    public LiveVerifier verifier() {
        return verifier;
    }

    /** The 64-byte signature of {@code data}. */
    public byte[] sign(byte[] data, int offset, int length) {
        try {
            Signature signer = crypto.signature(ALGORITHM);
            signer.initSign(privateKey);
            signer.update(data, offset, length);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new CryptoException("ES256 signing failed", e);
        }
    }

    @Override
    public String toString() {
        return "LiveSigner[" + keyId + "]";
    }
}

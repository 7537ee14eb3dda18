package org.splitcast.multicast.keys;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Objects;
import org.splitcast.crypto.CryptoException;
import org.splitcast.crypto.CryptoProvider;

/**
 * The public half of a {@link LiveSigner}: checks key messages and join tickets. Thread-safe.
 * Its text form ({@link #toText()}) is {@code keyId:base64(SubjectPublicKeyInfo DER)}, what an edge
 * node and a terminal are configured with.
 */
public final class LiveVerifier {

    private final String keyId;
    private final PublicKey publicKey;
    private final CryptoProvider crypto;

    public LiveVerifier(String keyId, PublicKey publicKey, CryptoProvider crypto) {
        this.keyId = Objects.requireNonNull(keyId, "keyId");
        if (!(publicKey instanceof ECPublicKey ec)
                || ec.getParams().getCurve().getField().getFieldSize() != 256) {
            throw new IllegalArgumentException("a live signing key is an EC P-256 key");
        }
        this.publicKey = publicKey;
        this.crypto = crypto;
    }

    public String keyId() {
        return keyId;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** Whether {@code signature} is this key's signature of {@code data[offset, offset+length)}. */
    public boolean verify(byte[] data, int offset, int length, byte[] signature) {
        if (signature.length != LiveSigner.SIGNATURE_BYTES) {
            return false;
        }
        try {
            Signature verifier = crypto.signature(LiveSigner.ALGORITHM);
            verifier.initVerify(publicKey);
            verifier.update(data, offset, length);
            return verifier.verify(signature);
        } catch (SignatureException | InvalidKeyException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new CryptoException("ES256 verification failed", e);
        }
    }

    /** {@code keyId:base64(SubjectPublicKeyInfo)}. */
    public String toText() {
        return keyId + ":" + Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    /**
     * Reads {@link #toText()}'s form.
     *
     * @throws IllegalArgumentException if it is not a key id and a P-256 public key
     */
    public static LiveVerifier fromText(String text, CryptoProvider crypto) {
        int colon = text == null ? -1 : text.strip().indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("a live verification key is 'keyId:base64(SubjectPublicKeyInfo)'");
        }
        String trimmed = text.strip();
        try {
            byte[] der = Base64.getDecoder().decode(trimmed.substring(colon + 1));
            KeyFactory factory = crypto.keyFactory("EC");
            return new LiveVerifier(
                    trimmed.substring(0, colon), factory.generatePublic(new X509EncodedKeySpec(der)), crypto);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new IllegalArgumentException("not a P-256 public key in SubjectPublicKeyInfo form");
        }
    }
}

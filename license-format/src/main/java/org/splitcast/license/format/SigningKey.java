package org.splitcast.license.format;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Objects;

/**
 * One of the server's license signing keys, {@code keyId} being the JWS {@code kid}. {@link
 * #toString()} never shows the private key.
 *
 * @throws IllegalArgumentException if a key does not fit {@code algorithm}
 */
public record SigningKey(String keyId, SignatureAlgorithm algorithm, PrivateKey privateKey, PublicKey publicKey) {

    public SigningKey {
        Ids.require(keyId, "keyId");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(privateKey, "privateKey");
        if (SignatureAlgorithm.of(publicKey) != algorithm || !algorithm.fits(privateKey)) {
            throw new IllegalArgumentException("signing key " + keyId + " is not a " + algorithm.jwsName() + " key");
        }
    }

    /** What the key set publishes for this key. */
    public VerificationKey verificationKey() {
        return new VerificationKey(keyId, algorithm, publicKey);
    }

    @Override
    public String toString() {
        return "SigningKey[keyId=" + keyId + ", algorithm=" + algorithm.jwsName() + "]";
    }
}

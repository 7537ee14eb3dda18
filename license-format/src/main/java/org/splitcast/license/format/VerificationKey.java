package org.splitcast.license.format;

import java.security.PublicKey;
import java.util.Objects;

/**
 * A public key of the server that verifies access blocks signed under {@code keyId}.
 *
 * @throws IllegalArgumentException if the key does not fit {@code algorithm}
 */
public record VerificationKey(String keyId, SignatureAlgorithm algorithm, PublicKey publicKey) {

    public VerificationKey {
        Ids.require(keyId, "keyId");
        Objects.requireNonNull(algorithm, "algorithm");
        if (SignatureAlgorithm.of(publicKey) != algorithm) {
            throw new IllegalArgumentException("key " + keyId + " is not a " + algorithm.jwsName() + " key");
        }
    }

    @Override
    public String toString() {
        return "VerificationKey[keyId=" + keyId + ", algorithm=" + algorithm.jwsName() + "]";
    }
}

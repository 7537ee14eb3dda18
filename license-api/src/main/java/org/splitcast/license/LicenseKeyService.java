package org.splitcast.license;

import jakarta.ejb.Local;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Optional;
import org.splitcast.error.InvalidRequestException;

/** The server's license signing keys: publication (docs/license-format.md §5) and rotation. */
@Local
public interface LicenseKeyService {

    /** The JWK set of every key whose licenses may still be valid. */
    String keySetJson();

    /** One published key as a PEM SubjectPublicKeyInfo. */
    Optional<String> publicKeyPem(String keyId);

    /** The keys, newest first. */
    List<SigningKeyView> list();

    /**
     * Makes a new key of {@code algorithm} ({@code PS256}, {@code ES256} or {@code EdDSA}) the
     * active one. The previous key is retired but stays published until the licenses it signed
     * have expired; access blocks it signed are dropped from the precomputed store.
     */
    SigningKeyView rotate(@NotNull String algorithm) throws InvalidRequestException;

    /**
     * A signing key as the API shows it (never its private half).
     *
     * @param retiredAt null for the active key
     */
    record SigningKeyView(String keyId, String algorithm, java.time.Instant createdAt, java.time.Instant retiredAt) {}
}

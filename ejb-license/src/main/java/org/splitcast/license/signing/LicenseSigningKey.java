package org.splitcast.license.signing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A license signing key: its public half in clear (it is published), its private half as a
 * key-vault envelope sealed for {@code license-signing/<id>}. The active key is the one not
 * retired.
 */
@Entity
@Table(name = "license_signing_key")
@NamedQuery(
        name = "LicenseSigningKey.findActive",
        query = "select k from LicenseSigningKey k where k.retiredAt is null order by k.createdAt desc")
@NamedQuery(name = "LicenseSigningKey.findAll", query = "select k from LicenseSigningKey k order by k.createdAt desc")
@NamedQuery(
        name = "LicenseSigningKey.deleteRetiredBefore",
        query = "delete from LicenseSigningKey k where k.retiredAt is not null and k.retiredAt < :before")
public class LicenseSigningKey {

    @Id
    @Column(length = 64)
    private String id;

    @Column(nullable = false, length = 8)
    private String algorithm;

    @Column(name = "public_key", nullable = false)
    private byte[] publicKey;

    @Column(name = "wrapped_private_key", nullable = false)
    private byte[] wrappedPrivateKey;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "retired_at")
    private Instant retiredAt;

    protected LicenseSigningKey() {}

    public LicenseSigningKey(
            String id, String algorithm, byte[] publicKey, byte[] wrappedPrivateKey, Instant createdAt) {
        this.id = id;
        this.algorithm = algorithm;
        this.publicKey = publicKey;
        this.wrappedPrivateKey = wrappedPrivateKey;
        this.createdAt = createdAt;
    }

    public void retire(Instant now) {
        if (retiredAt == null) {
            retiredAt = now;
        }
    }

    public String id() {
        return id;
    }

    /** The JWS name: PS256, ES256 or EdDSA. */
    public String algorithm() {
        return algorithm;
    }

    /** SubjectPublicKeyInfo DER. */
    public byte[] publicKey() {
        return publicKey;
    }

    public byte[] wrappedPrivateKey() {
        return wrappedPrivateKey;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant retiredAt() {
        return retiredAt;
    }
}

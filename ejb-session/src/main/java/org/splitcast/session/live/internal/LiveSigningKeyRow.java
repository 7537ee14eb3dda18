package org.splitcast.session.live.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** The live signing key (table live_signing_key): the private key only as a key-vault envelope. */
@Entity
@Table(name = "live_signing_key")
@NamedQuery(name = "LiveSigningKeyRow.newest", query = "select k from LiveSigningKeyRow k order by k.createdAt desc")
public class LiveSigningKeyRow {

    @Id
    @Column(name = "key_id", length = 64)
    private String keyId;

    @Column(name = "public_key", nullable = false)
    private byte[] publicKey;

    @Column(name = "wrapped_private_key", nullable = false)
    private byte[] wrappedPrivateKey;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected LiveSigningKeyRow() {}

    LiveSigningKeyRow(String keyId, byte[] publicKey, byte[] wrappedPrivateKey, Instant createdAt) {
        this.keyId = keyId;
        this.publicKey = publicKey;
        this.wrappedPrivateKey = wrappedPrivateKey;
        this.createdAt = createdAt;
    }

    String keyId() {
        return keyId;
    }

    byte[] publicKey() {
        return publicKey;
    }

    byte[] wrappedPrivateKey() {
        return wrappedPrivateKey;
    }
}

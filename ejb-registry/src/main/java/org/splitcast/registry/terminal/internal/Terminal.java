package org.splitcast.registry.terminal.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.splitcast.registry.subscriber.internal.Subscriber;
import org.splitcast.registry.terminal.TerminalKeyType;
import org.splitcast.registry.terminal.TerminalStatus;

/**
 * A terminal and its key KT: {@code wrappedKey} (a key-vault envelope) for a symmetric key, or
 * {@code publicKey} (SubjectPublicKeyInfo DER) for a registered public key.
 */
@Entity
@Table(name = "terminal")
@NamedQuery(
        name = "Terminal.findBySubscriber",
        query = "select t from Terminal t where t.subscriber.id = :subscriberId order by t.registeredAt, t.id")
public class Terminal {

    @Id
    @Column(length = 64)
    private String id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "subscriber_id", nullable = false)
    private Subscriber subscriber;

    /** The same column, readable without loading the subscriber. */
    @Column(name = "subscriber_id", length = 64, insertable = false, updatable = false)
    private String subscriberId;

    @Column(nullable = false, length = 200)
    private String label;

    @Enumerated(EnumType.STRING)
    @Column(name = "key_type", nullable = false, length = 16)
    private TerminalKeyType keyType;

    @Column(name = "wrapped_key")
    private byte[] wrappedKey;

    @Column(name = "public_key")
    private byte[] publicKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private TerminalStatus status;

    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Version
    private long version;

    protected Terminal() {}

    private Terminal(
            String id,
            Subscriber subscriber,
            String label,
            TerminalKeyType keyType,
            byte[] wrappedKey,
            byte[] publicKey,
            Instant registeredAt) {
        this.id = id;
        this.subscriber = subscriber;
        this.subscriberId = subscriber.id();
        this.label = label;
        this.keyType = keyType;
        this.wrappedKey = wrappedKey;
        this.publicKey = publicKey;
        this.status = TerminalStatus.ACTIVE;
        this.registeredAt = registeredAt;
    }

    /** A terminal with a server-generated symmetric key, given as its key-vault envelope. */
    public static Terminal withSymmetricKey(
            String id, Subscriber subscriber, String label, byte[] wrappedKey, Instant now) {
        return new Terminal(id, subscriber, label, TerminalKeyType.AES_256, wrappedKey, null, now);
    }

    /** A terminal with its own public key (SubjectPublicKeyInfo DER). */
    public static Terminal withPublicKey(
            String id, Subscriber subscriber, String label, TerminalKeyType type, byte[] publicKeyDer, Instant now) {
        return new Terminal(id, subscriber, label, type, null, publicKeyDer, now);
    }

    /** Bars the terminal for good; revoking twice keeps the first time. */
    public void revoke(Instant now) {
        if (status != TerminalStatus.REVOKED) {
            status = TerminalStatus.REVOKED;
            revokedAt = now;
        }
    }

    public String id() {
        return id;
    }

    public Subscriber subscriber() {
        return subscriber;
    }

    public String subscriberId() {
        return subscriberId;
    }

    public String label() {
        return label;
    }

    public TerminalKeyType keyType() {
        return keyType;
    }

    /** The key-vault envelope of KT, for {@link TerminalKeyType#AES_256}; null otherwise. */
    public byte[] wrappedKey() {
        return wrappedKey;
    }

    /** The public key DER, for public-key terminals; null otherwise. */
    public byte[] publicKey() {
        return publicKey;
    }

    public TerminalStatus status() {
        return status;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }
}

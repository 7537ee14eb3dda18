package org.splitcast.license.precompute.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An entry of the precomputed access store (database 69 of seed 003): the signed access block of
 * one (terminal, content, content key), and for a public-key terminal the grant key Km it wraps,
 * sealed by the key vault for {@code KeyOwner.precomputedAccess}. Unique per (terminal, content, key id).
 */
@Entity
@Table(name = "precomputed_access")
@NamedQuery(
        name = "PrecomputedAccess.find",
        query = "select a from PrecomputedAccess a where a.terminalId = :terminalId and a.contentId = :contentId"
                + " and a.keyId = :keyId")
@NamedQuery(name = "PrecomputedAccess.count", query = "select count(a) from PrecomputedAccess a")
@NamedQuery(
        name = "PrecomputedAccess.countByTerminal",
        query = "select count(a) from PrecomputedAccess a where a.terminalId = :terminalId")
@NamedQuery(
        name = "PrecomputedAccess.deleteByTerminal",
        query = "delete from PrecomputedAccess a where a.terminalId = :terminalId")
@NamedQuery(
        name = "PrecomputedAccess.deleteByContent",
        query = "delete from PrecomputedAccess a where a.contentId = :contentId")
@NamedQuery(
        name = "PrecomputedAccess.deleteBySubscriber",
        query = "delete from PrecomputedAccess a where a.subscriberId = :subscriberId")
@NamedQuery(
        name = "PrecomputedAccess.deleteByContentExceptKey",
        query = "delete from PrecomputedAccess a where a.contentId = :contentId and a.keyId <> :keyId")
@NamedQuery(
        name = "PrecomputedAccess.deleteBySubscriberAndContent",
        query = "delete from PrecomputedAccess a where a.subscriberId = :subscriberId and a.contentId = :contentId")
@NamedQuery(
        name = "PrecomputedAccess.deleteNotSignedBy",
        query = "delete from PrecomputedAccess a where a.signingKeyId <> :signingKeyId")
@NamedQuery(
        name = "PrecomputedAccess.deleteExpired",
        query = "delete from PrecomputedAccess a where a.expiresAt <= :now")
public class PrecomputedAccess {

    @Id
    @Column(length = 64)
    private String id;

    @Column(name = "terminal_id", nullable = false, length = 64)
    private String terminalId;

    @Column(name = "content_id", nullable = false, length = 64)
    private String contentId;

    @Column(name = "key_id", nullable = false, length = 64)
    private String keyId;

    @Column(name = "subscriber_id", nullable = false, length = 64)
    private String subscriberId;

    @Column(name = "signing_key_id", nullable = false, length = 64)
    private String signingKeyId;

    @Column(name = "access_block", nullable = false, length = 8000)
    private String accessBlock;

    @Column(name = "wrapped_grant_key")
    private byte[] wrappedGrantKey;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected PrecomputedAccess() {}

    public PrecomputedAccess(
            String id,
            String terminalId,
            String contentId,
            String keyId,
            String subscriberId,
            String signingKeyId,
            String accessBlock,
            byte[] wrappedGrantKey,
            Instant createdAt,
            Instant expiresAt) {
        this.id = id;
        this.terminalId = terminalId;
        this.contentId = contentId;
        this.keyId = keyId;
        this.subscriberId = subscriberId;
        this.signingKeyId = signingKeyId;
        this.accessBlock = accessBlock;
        this.wrappedGrantKey = wrappedGrantKey;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public String id() {
        return id;
    }

    public String terminalId() {
        return terminalId;
    }

    public String contentId() {
        return contentId;
    }

    public String keyId() {
        return keyId;
    }

    public String subscriberId() {
        return subscriberId;
    }

    public String signingKeyId() {
        return signingKeyId;
    }

    public String accessBlock() {
        return accessBlock;
    }

    public byte[] wrappedGrantKey() {
        return wrappedGrantKey;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}

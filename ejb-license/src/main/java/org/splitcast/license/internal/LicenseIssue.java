package org.splitcast.license.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import org.splitcast.license.AccessSource;

/**
 * One issued license: the play count of the access rules, and the viewing history (database 56
 * of seed 003) the recommendation engine learns from.
 */
@Entity
@Table(name = "license_issue")
@NamedQuery(
        name = "LicenseIssue.findValid",
        query = "select i from LicenseIssue i where i.terminalId = :terminalId and i.contentId = :contentId"
                + " and i.issuedAt <= :at and i.expiresAt > :at order by i.issuedAt desc, i.id")
@NamedQuery(
        name = "LicenseIssue.countPlaysSince",
        query = "select count(i) from LicenseIssue i where i.subscriberId = :subscriberId"
                + " and i.contentId = :contentId and i.issuedAt > :since")
public class LicenseIssue {

    @Id
    @Column(length = 64)
    private String id;

    @Column(name = "subscriber_id", nullable = false, length = 64)
    private String subscriberId;

    @Column(name = "terminal_id", nullable = false, length = 64)
    private String terminalId;

    @Column(name = "content_id", nullable = false, length = 64)
    private String contentId;

    @Column(name = "key_id", nullable = false, length = 64)
    private String keyId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private AccessSource access;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected LicenseIssue() {}

    public LicenseIssue(
            String id,
            String subscriberId,
            String terminalId,
            String contentId,
            String keyId,
            AccessSource access,
            Instant issuedAt,
            Instant expiresAt) {
        this.id = id;
        this.subscriberId = subscriberId;
        this.terminalId = terminalId;
        this.contentId = contentId;
        this.keyId = keyId;
        this.access = access;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
    }

    public String id() {
        return id;
    }

    public String subscriberId() {
        return subscriberId;
    }

    public String terminalId() {
        return terminalId;
    }

    public String contentId() {
        return contentId;
    }

    public AccessSource access() {
        return access;
    }

    public Instant issuedAt() {
        return issuedAt;
    }

    public String keyId() {
        return keyId;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}

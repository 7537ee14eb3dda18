package org.splitcast.session.live.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** An issued, not yet answered challenge (table live_challenge). */
@Entity
@Table(name = "live_challenge")
@NamedQuery(name = "LiveChallengeRow.take", query = "delete from LiveChallengeRow c where c.challengeId = :id")
@NamedQuery(name = "LiveChallengeRow.purge", query = "delete from LiveChallengeRow c where c.expiresAt < :before")
public class LiveChallengeRow {

    @Id
    @Column(name = "challenge_id", length = 64)
    private String challengeId;

    @Column(name = "terminal_id", nullable = false, length = 64)
    private String terminalId;

    @Column(nullable = false, length = 64)
    private String nonce;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected LiveChallengeRow() {}

    LiveChallengeRow(String challengeId, String terminalId, String nonce, Instant issuedAt, Instant expiresAt) {
        this.challengeId = challengeId;
        this.terminalId = terminalId;
        this.nonce = nonce;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
    }

    String challengeId() {
        return challengeId;
    }

    String terminalId() {
        return terminalId;
    }

    String nonce() {
        return nonce;
    }

    Instant issuedAt() {
        return issuedAt;
    }

    Instant expiresAt() {
        return expiresAt;
    }
}

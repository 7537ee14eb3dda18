package org.splitcast.session.live.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A live session (table live_session): its SK only as a key-vault envelope. */
@Entity
@Table(name = "live_session")
@NamedQuery(
        name = "LiveSessionRow.openOfTerminal",
        query = "select s from LiveSessionRow s where s.terminalId = :terminalId and s.endedAt is null")
@NamedQuery(
        name = "LiveSessionRow.openOfGroup",
        query = "select s from LiveSessionRow s where s.groupId = :groupId and s.endedAt is null")
public class LiveSessionRow {

    @Id
    @Column(name = "session_id", length = 64)
    private String sessionId;

    @Column(name = "terminal_id", nullable = false, length = 64)
    private String terminalId;

    @Column(name = "content_id", nullable = false, length = 64)
    private String contentId;

    @Column(name = "group_id", nullable = false, length = 64)
    private String groupId;

    @Column(name = "wrapped_sk", nullable = false)
    private byte[] wrappedSk;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "renewed_at")
    private Instant renewedAt;

    @Column(nullable = false)
    private int renewals;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "end_reason", length = 16)
    private String endReason;

    @Version
    private long version;

    protected LiveSessionRow() {}

    LiveSessionRow(
            String sessionId,
            String terminalId,
            String contentId,
            String groupId,
            byte[] wrappedSk,
            Instant createdAt,
            Instant expiresAt) {
        this.sessionId = sessionId;
        this.terminalId = terminalId;
        this.contentId = contentId;
        this.groupId = groupId;
        this.wrappedSk = wrappedSk;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    String sessionId() {
        return sessionId;
    }

    String terminalId() {
        return terminalId;
    }

    String contentId() {
        return contentId;
    }

    String groupId() {
        return groupId;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    Instant endedAt() {
        return endedAt;
    }

    String endReason() {
        return endReason;
    }

    int renewals() {
        return renewals;
    }

    /** Open: not ended and not lapsed at {@code now}. */
    boolean isOpen(Instant now) {
        return endedAt == null && now.isBefore(expiresAt);
    }

    void renewed(byte[] wrappedSk, Instant at, Instant expiresAt) {
        this.wrappedSk = wrappedSk;
        this.renewedAt = at;
        this.expiresAt = expiresAt;
        this.renewals++;
    }

    void end(String reason, Instant at) {
        if (endedAt == null) {
            this.endedAt = at;
            this.endReason = reason;
        }
    }
}

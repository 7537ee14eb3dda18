package org.splitcast.license.activity.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A play reported by an integrator (a content accessed outside this license server): part of the
 * viewing history (database 56) with the issued licenses.
 */
@Entity
@Table(name = "content_access")
public class ContentAccess {

    @Id
    @Column(length = 64)
    private String id;

    @Column(name = "subscriber_id", nullable = false, length = 64)
    private String subscriberId;

    @Column(name = "terminal_id", nullable = false, length = 64)
    private String terminalId;

    @Column(name = "content_id", nullable = false, length = 64)
    private String contentId;

    @Column(name = "accessed_at", nullable = false)
    private Instant accessedAt;

    protected ContentAccess() {}

    public ContentAccess(String id, String subscriberId, String terminalId, String contentId, Instant accessedAt) {
        this.id = id;
        this.subscriberId = subscriberId;
        this.terminalId = terminalId;
        this.contentId = contentId;
        this.accessedAt = accessedAt;
    }
}

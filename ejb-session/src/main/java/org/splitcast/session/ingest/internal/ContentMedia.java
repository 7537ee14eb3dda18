package org.splitcast.session.ingest.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** Which version a content is served from: switching it is how a new version is published, at once. */
@Entity
@Table(name = "content_media")
public class ContentMedia {

    @Id
    @Column(name = "content_id", length = 64)
    private String contentId;

    @Column(name = "version_id", nullable = false, length = 64)
    private String versionId;

    @Column(name = "published_at", nullable = false)
    private Instant publishedAt;

    @Version
    private long version;

    protected ContentMedia() {}

    ContentMedia(String contentId, String versionId, Instant publishedAt) {
        this.contentId = contentId;
        this.versionId = versionId;
        this.publishedAt = publishedAt;
    }

    void publish(String versionId, Instant at) {
        this.versionId = versionId;
        this.publishedAt = at;
    }

    public String contentId() {
        return contentId;
    }

    public String versionId() {
        return versionId;
    }

    public Instant publishedAt() {
        return publishedAt;
    }
}

package org.splitcast.registry.content.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A content key Kc, as a key-vault envelope sealed for {@code content/<contentId>/key/<keyId>}.
 * The current key of a content is the one not retired.
 */
@Entity
@Table(name = "content_key")
@NamedQuery(
        name = "ContentKey.findCurrentForContents",
        query = "select k from ContentKey k where k.content.id in :contentIds and k.retiredAt is null")
public class ContentKey {

    @Id
    @Column(name = "key_id", length = 64)
    private String keyId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "content_id", nullable = false)
    private Content content;

    /** The same column, readable without loading the content. */
    @Column(name = "content_id", length = 64, insertable = false, updatable = false)
    private String contentId;

    @Column(name = "wrapped_key", nullable = false)
    private byte[] wrappedKey;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "retired_at")
    private Instant retiredAt;

    protected ContentKey() {}

    public ContentKey(String keyId, Content content, byte[] wrappedKey, Instant createdAt) {
        this.keyId = keyId;
        this.content = content;
        this.contentId = content.id();
        this.wrappedKey = wrappedKey;
        this.createdAt = createdAt;
    }

    /** Ends the key's use for new licenses (a newer key replaces it). */
    public void retire(Instant now) {
        if (retiredAt == null) {
            retiredAt = now;
        }
    }

    public String keyId() {
        return keyId;
    }

    public Content content() {
        return content;
    }

    public String contentId() {
        return contentId;
    }

    public byte[] wrappedKey() {
        return wrappedKey;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant retiredAt() {
        return retiredAt;
    }
}

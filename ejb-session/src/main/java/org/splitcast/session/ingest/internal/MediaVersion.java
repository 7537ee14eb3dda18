package org.splitcast.session.ingest.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.splitcast.session.ingest.IngestState;

/**
 * One stored version of a content's stream: made by an ingest (an upload or a named file) or by
 * re-sealing another version under a new content key. It is served only once READY and published;
 * while it runs, {@code runningFor} holds the content id, whose unique constraint keeps a content
 * to one ingest at a time on every node.
 */
@Entity
@Table(name = "media_version")
@NamedQuery(
        name = "MediaVersion.latestOf",
        query = "select v from MediaVersion v where v.contentId = :contentId order by v.startedAt desc, v.id")
@NamedQuery(
        name = "MediaVersion.readyOfContentWithKey",
        query = "select v from MediaVersion v where v.contentId = :contentId and v.state = :ready"
                + " and v.keyId = :keyId and v.mainObject = :mainObject order by v.finishedAt desc")
@NamedQuery(
        name = "MediaVersion.runningOn",
        query = "select v from MediaVersion v where v.runningFor is not null and v.node = :node")
@NamedQuery(
        name = "MediaVersion.retiredBefore",
        query = "select v from MediaVersion v where v.retiredAt is not null and v.retiredAt < :before")
@NamedQuery(
        name = "MediaVersion.usingMain",
        query = "select count(v) from MediaVersion v where v.mainObject = :mainObject and v.id <> :id"
                + " and v.state = :ready")
public class MediaVersion {

    @Id
    @Column(length = 64)
    private String id;

    @Column(name = "content_id", nullable = false, length = 64)
    private String contentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private IngestState state;

    @Column(nullable = false, length = 16)
    private String source;

    @Column(name = "running_for", length = 64)
    private String runningFor;

    @Column(nullable = false, length = 128)
    private String node;

    @Column(name = "source_bytes")
    private Long sourceBytes;

    @Column(name = "main_object", length = 512)
    private String mainObject;

    @Column(name = "complementary_object", length = 512)
    private String complementaryObject;

    @Column(name = "key_id", length = 64)
    private String keyId;

    @Column(name = "wrapped_selection_secret")
    private byte[] wrappedSelectionSecret;

    @Column(name = "main_length")
    private Long mainLength;

    @Column(name = "main_etag", length = 100)
    private String mainEtag;

    @Column(name = "complementary_bytes")
    private Long complementaryBytes;

    private Long chunks;

    @Column(name = "resealed_from", length = 64)
    private String resealedFrom;

    @Column(length = 100_000)
    private String report;

    @Column(length = 1000)
    private String error;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "retired_at")
    private Instant retiredAt;

    @Version
    private long version;

    protected MediaVersion() {}

    MediaVersion(String id, String contentId, IngestState state, String source, String node, Instant startedAt) {
        this.id = id;
        this.contentId = contentId;
        this.state = state;
        this.source = source;
        this.node = node;
        this.startedAt = startedAt;
        this.runningFor = state.running() ? contentId : null;
    }

    void moveTo(IngestState next) {
        state = next;
        runningFor = next.running() ? contentId : null;
    }

    void failed(String message, Instant at) {
        moveTo(IngestState.FAILED);
        error = message.length() > 1000 ? message.substring(0, 997) + "..." : message;
        finishedAt = at;
    }

    void cancelled(Instant at) {
        moveTo(IngestState.CANCELLED);
        finishedAt = at;
    }

    void ready(
            String mainObject,
            String complementaryObject,
            String keyId,
            long mainLength,
            String mainEtag,
            long complementaryBytes,
            long chunks,
            String report,
            Instant at) {
        moveTo(IngestState.READY);
        this.mainObject = mainObject;
        this.complementaryObject = complementaryObject;
        this.keyId = keyId;
        this.mainLength = mainLength;
        this.mainEtag = mainEtag;
        this.complementaryBytes = complementaryBytes;
        this.chunks = chunks;
        this.report = report;
        this.finishedAt = at;
    }

    void retire(Instant at) {
        retiredAt = at;
    }

    public String id() {
        return id;
    }

    public String contentId() {
        return contentId;
    }

    public IngestState state() {
        return state;
    }

    public String source() {
        return source;
    }

    public String node() {
        return node;
    }

    public Long sourceBytes() {
        return sourceBytes;
    }

    void sourceBytes(long bytes) {
        sourceBytes = bytes;
    }

    public String mainObject() {
        return mainObject;
    }

    public String complementaryObject() {
        return complementaryObject;
    }

    public String keyId() {
        return keyId;
    }

    public byte[] wrappedSelectionSecret() {
        return wrappedSelectionSecret;
    }

    void wrappedSelectionSecret(byte[] wrapped) {
        wrappedSelectionSecret = wrapped;
    }

    public Long mainLength() {
        return mainLength;
    }

    public String mainEtag() {
        return mainEtag;
    }

    public Long complementaryBytes() {
        return complementaryBytes;
    }

    public Long chunks() {
        return chunks;
    }

    public String resealedFrom() {
        return resealedFrom;
    }

    void resealedFrom(String versionId) {
        resealedFrom = versionId;
    }

    public String report() {
        return report;
    }

    public String error() {
        return error;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public Instant retiredAt() {
        return retiredAt;
    }
}

package org.splitcast.session.ingest.internal;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.splitcast.common.Timestamps;
import org.splitcast.error.DuplicateEntityException;
import org.splitcast.session.ingest.IngestState;

/**
 * The repository of media versions. Every change of state commits on its own (the work between
 * two states, a separation of minutes, holds no transaction), and publishing is one transaction:
 * the version becomes READY and the content's pointer moves to it together.
 */
@Stateless
public class MediaVersions {

    /** This node's name, on the versions it runs. */
    static final String NODE = System.getProperty("jboss.node.name", "splitcast");

    @PersistenceContext
    EntityManager em;

    /**
     * A new version under way for the content.
     *
     * @throws DuplicateEntityException the content already has one under way (on any node)
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public MediaVersion begin(String contentId, IngestState state, String source) throws DuplicateEntityException {
        MediaVersion running = em.createQuery(
                        "select v from MediaVersion v where v.runningFor = :contentId", MediaVersion.class)
                .setParameter("contentId", contentId)
                .getResultStream()
                .findFirst()
                .orElse(null);
        if (running != null) {
            throw new DuplicateEntityException("ingest of content " + contentId, "version", running.id());
        }
        MediaVersion version =
                new MediaVersion("mv-" + UUID.randomUUID(), contentId, state, source, NODE, Timestamps.now());
        em.persist(version);
        try {
            em.flush();
        } catch (PersistenceException e) {
            // another node began one between the query and the insert: the unique constraint tells
            throw new DuplicateEntityException("ingest of content " + contentId, "content", contentId);
        }
        return version;
    }

    public Optional<MediaVersion> find(String versionId) {
        return Optional.ofNullable(em.find(MediaVersion.class, versionId));
    }

    /** The content's latest version (under way or not). */
    public Optional<MediaVersion> latest(String contentId) {
        return em.createNamedQuery("MediaVersion.latestOf", MediaVersion.class)
                .setParameter("contentId", contentId)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    /** The latest version of each content (under way or not), the most recently started first. */
    public List<MediaVersion> latestOfEachContent(int limit) {
        return em.createQuery(
                        "select v from MediaVersion v where v.startedAt = (select max(w.startedAt) from MediaVersion w"
                                + " where w.contentId = v.contentId) order by v.startedAt desc, v.id",
                        MediaVersion.class)
                .setMaxResults(limit)
                .getResultList();
    }

    /** The version the content is served from, if any. */
    public Optional<MediaVersion> published(String contentId) {
        ContentMedia pointer = em.find(ContentMedia.class, contentId);
        return pointer == null ? Optional.empty() : find(pointer.versionId());
    }

    /** A READY version of the content sealed under {@code keyId} over the same main stream. */
    public Optional<MediaVersion> readyWithKey(String contentId, String keyId, String mainObject) {
        return em.createNamedQuery("MediaVersion.readyOfContentWithKey", MediaVersion.class)
                .setParameter("contentId", contentId)
                .setParameter("ready", IngestState.READY)
                .setParameter("keyId", keyId)
                .setParameter("mainObject", mainObject)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void moveTo(String versionId, IngestState state, Long sourceBytes) {
        MediaVersion v = em.find(MediaVersion.class, versionId);
        v.moveTo(state);
        if (sourceBytes != null) {
            v.sourceBytes(sourceBytes);
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void resealedFrom(String versionId, String fromVersionId) {
        em.find(MediaVersion.class, versionId).resealedFrom(fromVersionId);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void wrappedSelectionSecret(String versionId, byte[] wrapped) {
        em.find(MediaVersion.class, versionId).wrappedSelectionSecret(wrapped);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void fail(String versionId, String message) {
        MediaVersion v = em.find(MediaVersion.class, versionId);
        if (v != null && v.state().running()) {
            v.failed(message, Timestamps.now());
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void cancelled(String versionId) {
        MediaVersion v = em.find(MediaVersion.class, versionId);
        if (v != null && v.state().running()) {
            v.cancelled(Timestamps.now());
        }
    }

    /**
     * The version is READY and the content is served from it, in one transaction; the version it
     * replaces is retired (kept for licenses under its key if it is a re-sealing's source, deleted
     * later otherwise).
     *
     * @return the version that was served before, if any
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<MediaVersion> publish(String versionId, Ready ready) {
        Instant now = Timestamps.now();
        MediaVersion v = em.find(MediaVersion.class, versionId);
        v.ready(
                ready.mainObject(),
                ready.complementaryObject(),
                ready.keyId(),
                ready.mainLength(),
                ready.mainEtag(),
                ready.complementaryBytes(),
                ready.chunks(),
                ready.report(),
                now);
        ContentMedia pointer = em.find(ContentMedia.class, v.contentId());
        MediaVersion previous = null;
        if (pointer == null) {
            em.persist(new ContentMedia(v.contentId(), versionId, now));
        } else {
            previous = em.find(MediaVersion.class, pointer.versionId());
            pointer.publish(versionId, now);
            if (previous != null) {
                previous.retire(now);
            }
        }
        return Optional.ofNullable(previous);
    }

    /** What a finished version is made of. */
    public record Ready(
            String mainObject,
            String complementaryObject,
            String keyId,
            long mainLength,
            String mainEtag,
            long complementaryBytes,
            long chunks,
            String report) {}

    /** Versions of this node left under way (by a restart). */
    public List<MediaVersion> runningOnThisNode() {
        return em.createNamedQuery("MediaVersion.runningOn", MediaVersion.class)
                .setParameter("node", NODE)
                .getResultList();
    }

    /** Retired versions whose time is up. */
    public List<MediaVersion> retiredBefore(Instant before) {
        return em.createNamedQuery("MediaVersion.retiredBefore", MediaVersion.class)
                .setParameter("before", before)
                .getResultList();
    }

    /** Whether another READY version still serves {@code mainObject}. */
    public boolean mainStillUsed(String mainObject, String exceptVersionId) {
        return em.createNamedQuery("MediaVersion.usingMain", Long.class)
                        .setParameter("mainObject", mainObject)
                        .setParameter("id", exceptVersionId)
                        .setParameter("ready", IngestState.READY)
                        .getSingleResult()
                > 0;
    }

    /** Forgets a retired version, unless it is served again (its files are the caller's to delete). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void forget(String versionId) {
        MediaVersion v = em.find(MediaVersion.class, versionId);
        if (v == null) {
            return;
        }
        ContentMedia pointer = em.find(ContentMedia.class, v.contentId());
        if (pointer == null || !pointer.versionId().equals(versionId)) {
            em.remove(v);
        }
    }
}

package org.splitcast.session.ingest.internal;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.util.List;
import org.jboss.logging.Logger;
import org.splitcast.error.DuplicateEntityException;
import org.splitcast.registry.content.ContentDirectory;
import org.splitcast.session.ingest.IngestState;

/**
 * Keeps a content's served complementary information sealed under its current key: when they
 * differ (a key rotation, or one that happened while an ingest was running), a re-sealing of the
 * served version is queued, unless an ingest of the content is already under way.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ResealScheduler {

    private static final Logger LOG = Logger.getLogger(ResealScheduler.class);

    @EJB
    MediaVersions versions;

    @EJB
    IngestJobs jobs;

    @EJB
    IngestRunner runner;

    @EJB
    ContentDirectory contents;

    @Resource(lookup = "java:jboss/ee/concurrency/executor/splitcast-ingest")
    ManagedExecutorService executor;

    /** Queues a re-sealing if the served version is not sealed under the content's current key. */
    public void resealIfStale(String contentId) {
        MediaVersion served = versions.published(contentId).orElse(null);
        String currentKeyId = contents.currentKeyIds(List.of(contentId)).get(contentId);
        if (served == null || currentKeyId == null || currentKeyId.equals(served.keyId())) {
            return;
        }
        MediaVersion resealing;
        try {
            resealing = versions.begin(contentId, IngestState.QUEUED, "reseal");
        } catch (DuplicateEntityException busy) {
            // the version under way is checked again when it is published
            LOG.debugf("Content %s: re-sealing deferred, a version is under way", contentId);
            return;
        }
        versions.resealedFrom(resealing.id(), served.id());
        jobs.start(resealing.id(), served.complementaryBytes());
        executor.execute(() -> runner.reseal(resealing.id(), contentId, served.id(), currentKeyId));
        LOG.infof(
                "Content %s: re-sealing version %s under key %s as version %s",
                contentId, served.id(), currentKeyId, resealing.id());
    }
}

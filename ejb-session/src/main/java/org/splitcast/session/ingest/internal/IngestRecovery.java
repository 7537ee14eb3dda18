package org.splitcast.session.ingest.internal;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.splitcast.session.media.MediaStore;
import org.splitcast.session.media.MediaStoreProducer;

/**
 * Housekeeping of ingest. At start-up: the versions this node left under way (a crash, a restart)
 * are FAILED, their files removed, and the staging area cleared, so that no half-ingested content
 * is ever served and every content can be ingested again. Every 10 minutes: the versions retired
 * longer ago than {@code splitcast.media.previous-key-retention} are deleted with their files.
 */
@Singleton
@Startup
@DependsOn("ejb-registry.jar#SchemaMigrator")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class IngestRecovery {

    private static final Logger LOG = Logger.getLogger(IngestRecovery.class);

    @EJB
    MediaVersions versions;

    @Inject
    MediaStore store;

    @Inject
    MediaStoreProducer stores;

    @Inject
    @ConfigProperty(name = "splitcast.media.previous-key-retention")
    Duration retention;

    @PostConstruct
    void recover() {
        for (MediaVersion v : versions.runningOnThisNode()) {
            versions.fail(v.id(), "interrupted by a server restart; ingest it again");
            deleteFiles(v.id());
            LOG.warnf("Content %s: version %s was interrupted by a restart and is FAILED", v.contentId(), v.id());
        }
        try {
            stores.fileStore().clearStaging();
        } catch (IOException e) {
            LOG.warnf("Could not clear the media store's staging area: %s", e.getMessage());
        }
    }

    @Schedule(minute = "*/10", hour = "*", persistent = false, info = "splitcast-media-retention")
    void purgeRetired() {
        for (MediaVersion v : versions.retiredBefore(Instant.now().minus(retention))) {
            versions.forget(v.id());
            delete(v.complementaryObject());
            // a re-sealed version shares its source's main stream: it goes with the last user
            if (v.mainObject() != null && !versions.mainStillUsed(v.mainObject(), v.id())) {
                delete(v.mainObject());
            }
            LOG.infof("Content %s: retired version %s deleted", v.contentId(), v.id());
        }
    }

    private void delete(String key) {
        if (key == null) {
            return;
        }
        try {
            store.deleteAll(key);
        } catch (IOException e) {
            LOG.warnf("Could not delete %s: %s", key, e.getMessage());
        }
    }

    private void deleteFiles(String versionId) {
        try {
            store.deleteAll("versions/" + versionId);
        } catch (IOException e) {
            LOG.warnf("Could not delete the files of version %s: %s", versionId, e.getMessage());
        }
    }
}

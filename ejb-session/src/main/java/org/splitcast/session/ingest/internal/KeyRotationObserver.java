package org.splitcast.session.ingest.internal;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.splitcast.registry.events.ContentKeyRotated;

/**
 * A content key rotation, once committed, re-seals the content's served version under the new key
 * in the background (a new version over the same main stream, published when whole). Until then,
 * licenses under the previous key keep being served from the previous version, and one under the
 * new key is answered "not ready, retry" (docs/protected-complementary-format.md §8).
 */
@ApplicationScoped
public class KeyRotationObserver {

    @EJB
    ResealScheduler resealing;

    void contentKeyRotated(@Observes(during = TransactionPhase.AFTER_SUCCESS) ContentKeyRotated e) {
        resealing.resealIfStale(e.contentId());
    }
}

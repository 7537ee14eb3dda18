package org.splitcast.license.recommendation.internal;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Transactional;
import org.splitcast.license.activity.ContentAccessReported;
import org.splitcast.registry.events.CatalogueChanged;
import org.splitcast.registry.events.EntitlementsChanged;
import org.splitcast.registry.events.SubscriberCreated;
import org.splitcast.registry.events.SubscriberRemoved;

/**
 * Keeps the recommendation model current between rebuilds: each change reaches it only once the
 * transaction that made it has committed, so a license or a registration that rolls back leaves
 * no trace in the model. Licenses have their own observer, {@link LicenseViewsObserver}.
 */
@ApplicationScoped
// after the commit the finished transaction is still on the thread: each notification gets its own
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class RecommendationEventsObserver {

    @EJB
    RecommendationEngine engine;

    void accessReported(@Observes(during = TransactionPhase.AFTER_SUCCESS) ContentAccessReported e) {
        engine.viewed(e.subscriberId(), e.terminalId(), e.contentId(), e.at());
    }

    void subscriberCreated(@Observes(during = TransactionPhase.AFTER_SUCCESS) SubscriberCreated e) {
        engine.subscriberAdded(e.subscriberId(), e.demographics());
    }

    void subscriberRemoved(@Observes(during = TransactionPhase.AFTER_SUCCESS) SubscriberRemoved e) {
        engine.subscriberRemoved(e.subscriberId());
    }

    void entitlementsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) EntitlementsChanged e) {
        engine.entitlementsChanged(e.subscriberId());
    }

    void catalogueChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) CatalogueChanged e) {
        engine.catalogueChanged();
    }
}

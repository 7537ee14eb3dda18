package org.splitcast.license.recommendation.internal;

import jakarta.ejb.Local;
import java.time.Instant;
import java.util.List;
import org.splitcast.error.UnknownEntityException;
import org.splitcast.license.recommendation.ModelStatus;
import org.splitcast.license.recommendation.RecommendationList;
import org.splitcast.registry.subscriber.DemographicsData;

/**
 * The recommendation engine of seed 003 (engine 50, database 56, steps 102 and 122) as the rest of
 * the license server uses it: lists for the portal and the precompute timer, and the updates that
 * keep the model current between rebuilds (fed by {@link RecommendationEventsObserver} once the
 * change behind each one has committed). No authorization here: {@link DefaultRecommendationService}
 * is the callers' entry point.
 */
@Local
public interface RecommendationEngine {

    /**
     * The {@code limit} contents the subscriber (or, with {@code terminalId}, that terminal of
     * theirs) is most likely to pick next, best first, among those they are entitled to.
     */
    RecommendationList recommend(String subscriberId, String terminalId, int limit) throws UnknownEntityException;

    /** The ids only, for operation 122 (the subscriber is known to exist). */
    List<String> recommendedIds(String subscriberId, int limit);

    /** Rebuilds the model from the database now. */
    ModelStatus rebuild();

    ModelStatus status();

    /** A license was issued or an access reported: the subscriber's history grows now. */
    void viewed(String subscriberId, String terminalId, String contentId, Instant at);

    /** A subscriber joined: their segment's popular contents serve them until they watch. */
    void subscriberAdded(String subscriberId, DemographicsData demographics);

    void subscriberRemoved(String subscriberId);

    /** The subscriber's entitlements changed: read them again. */
    void entitlementsChanged(String subscriberId);

    /** Contents or packages changed: rebuild at the next refresh (within 10 s). */
    void catalogueChanged();
}

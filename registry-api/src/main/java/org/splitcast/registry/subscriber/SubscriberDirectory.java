package org.splitcast.registry.subscriber;

import jakarta.ejb.Local;
import java.util.List;

/**
 * What other modules read about subscribers, with no authorization check. Boundaries never use it:
 * they go through {@link SubscriberService}.
 */
@Local
public interface SubscriberDirectory {

    boolean exists(String subscriberId);

    /**
     * Locks the subscriber until the caller's transaction ends (a pessimistic row lock), so that
     * decisions taken per subscriber on several nodes at once (a play count, the active list)
     * queue up instead of racing.
     *
     * @return false if the subscriber does not exist
     */
    boolean lock(String subscriberId);

    /** Every subscriber with their demographics (for models built from the whole population). */
    List<SubscriberSegment> segments();

    /** A subscriber's demographic segment. */
    record SubscriberSegment(String subscriberId, DemographicsData demographics) {}
}

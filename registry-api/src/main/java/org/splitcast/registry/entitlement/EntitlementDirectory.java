package org.splitcast.registry.entitlement;

import jakarta.ejb.Local;
import java.time.Instant;
import java.util.List;

/**
 * The entitlement checks other modules make (license issuing, precompute, sessions), with no
 * authorization check. Boundaries never use it: they go through {@link EntitlementService}.
 */
@Local
public interface EntitlementDirectory {

    /** Whether the subscriber may get the content at {@code at}, by a purchase or a package. */
    boolean isEntitled(String subscriberId, String contentId, Instant at);

    /**
     * The subscriber's entitlement to the content at {@code at}, all current entitlements taken
     * together: whether there is one, and until when the longest lasts.
     */
    EntitlementCheck check(String subscriberId, String contentId, Instant at);

    /**
     * The validity periods of every entitlement of the subscriber that covers the content (by a
     * purchase or a package), past, current and future: what a cache keeps so that {@link
     * Period#check} answers {@link #check} at any instant until the next {@code
     * EntitlementsChanged} or {@code CatalogueChanged} event.
     */
    List<Period> periods(String subscriberId, String contentId);

    /** Every entitlement valid at {@code at}, across all subscribers. */
    List<ValidEntitlement> validAt(Instant at);

    /** The subscriber's entitlements valid at {@code at}. */
    List<ValidEntitlement> validFor(String subscriberId, Instant at);

    /**
     * @param entitled whether some entitlement covers the content at that time
     * @param validUntil when the last of them ends; null if one is open-ended (or none exists)
     */
    record EntitlementCheck(boolean entitled, Instant validUntil) {}

    /**
     * One entitlement's validity: from {@code validFrom} (inclusive) until {@code validUntil}
     * (exclusive; null: open-ended).
     */
    record Period(Instant validFrom, Instant validUntil) {

        boolean covers(Instant at) {
            return !validFrom.isAfter(at) && (validUntil == null || validUntil.isAfter(at));
        }

        /** {@link EntitlementDirectory#check} computed from the periods: the same rule in memory. */
        public static EntitlementCheck check(List<Period> periods, Instant at) {
            boolean entitled = false;
            Instant until = null;
            for (Period p : periods) {
                if (!p.covers(at)) {
                    continue;
                }
                if (p.validUntil() == null) {
                    return new EntitlementCheck(true, null);
                }
                entitled = true;
                until = until == null || p.validUntil().isAfter(until) ? p.validUntil() : until;
            }
            return new EntitlementCheck(entitled, until);
        }
    }

    /** A valid entitlement: to one content (a purchase) or to a package (then contentId is null). */
    record ValidEntitlement(String subscriberId, String contentId, String packageId) {}
}

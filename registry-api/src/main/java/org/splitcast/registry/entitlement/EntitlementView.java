package org.splitcast.registry.entitlement;

import java.time.Instant;

/**
 * An entitlement as the API shows it.
 *
 * @param validNow whether it is in force at the time of the response
 */
public record EntitlementView(
        String id,
        String subscriberId,
        EntitlementKind kind,
        String contentId,
        String packageId,
        Instant validFrom,
        Instant validUntil,
        boolean validNow) {}

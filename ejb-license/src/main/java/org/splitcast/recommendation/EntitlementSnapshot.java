package org.splitcast.recommendation;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The entitlements valid at an instant, as the recommendation model takes them. */
record EntitlementSnapshot(List<String> contentIds, List<String> packageIds) {

    /** Receives one valid entitlement: a content (purchase) or a package, the other null. */
    interface Visitor {
        void entitlement(String subscriberId, String contentId, String packageId);
    }

    private static final String VALID = "select e.subscriberId, e.contentId, e.packageId from Entitlement e"
            + " where e.validFrom <= :at and (e.validUntil is null or e.validUntil > :at)";

    static EntitlementSnapshot of(EntityManager em, String subscriberId, Instant at) {
        List<String> contents = new ArrayList<>();
        List<String> packages = new ArrayList<>();
        em.createQuery(VALID + " and e.subscriberId = :subscriberId", Object[].class)
                .setParameter("at", at)
                .setParameter("subscriberId", subscriberId)
                .getResultStream()
                .forEach(row -> {
                    if (row[1] != null) {
                        contents.add((String) row[1]);
                    } else {
                        packages.add((String) row[2]);
                    }
                });
        return new EntitlementSnapshot(contents, packages);
    }

    static void forEachValid(EntityManager em, Instant at, Visitor visitor) {
        em.createQuery(VALID, Object[].class)
                .setParameter("at", at)
                .getResultStream()
                .forEach(row -> visitor.entitlement((String) row[0], (String) row[1], (String) row[2]));
    }
}

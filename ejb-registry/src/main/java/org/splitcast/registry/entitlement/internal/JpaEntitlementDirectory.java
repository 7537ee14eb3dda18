package org.splitcast.registry.entitlement.internal;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import org.splitcast.registry.entitlement.EntitlementDirectory;

/** {@link EntitlementDirectory} on the {@code entitlement} table. */
@Stateless
@PermitAll
public class JpaEntitlementDirectory implements EntitlementDirectory {

    private static final String VALID = "select e.subscriberId, e.contentId, e.packageId from Entitlement e"
            + " where e.validFrom <= :at and (e.validUntil is null or e.validUntil > :at)";

    @PersistenceContext
    EntityManager em;

    @Override
    public boolean isEntitled(String subscriberId, String contentId, Instant at) {
        return em.createNamedQuery("Entitlement.countValidFor", Long.class)
                        .setParameter("subscriberId", subscriberId)
                        .setParameter("contentId", contentId)
                        .setParameter("at", at)
                        .getSingleResult()
                > 0;
    }

    @Override
    public EntitlementCheck check(String subscriberId, String contentId, Instant at) {
        List<Entitlement> current = em.createNamedQuery("Entitlement.findValidFor", Entitlement.class)
                .setParameter("subscriberId", subscriberId)
                .setParameter("contentId", contentId)
                .setParameter("at", at)
                .getResultList();
        if (current.isEmpty()) {
            return new EntitlementCheck(false, null);
        }
        Instant until = null;
        for (Entitlement e : current) {
            if (e.validUntil() == null) {
                return new EntitlementCheck(true, null);
            }
            until = until == null || e.validUntil().isAfter(until) ? e.validUntil() : until;
        }
        return new EntitlementCheck(true, until);
    }

    @Override
    public List<Period> periods(String subscriberId, String contentId) {
        return em.createNamedQuery("Entitlement.periodsFor", Object[].class)
                .setParameter("subscriberId", subscriberId)
                .setParameter("contentId", contentId)
                .getResultStream()
                .map(row -> new Period((Instant) row[0], (Instant) row[1]))
                .toList();
    }

    @Override
    public List<ValidEntitlement> validAt(Instant at) {
        return em.createQuery(VALID, Object[].class)
                .setParameter("at", at)
                .getResultStream()
                .map(JpaEntitlementDirectory::valid)
                .toList();
    }

    @Override
    public List<ValidEntitlement> validFor(String subscriberId, Instant at) {
        return em.createQuery(VALID + " and e.subscriberId = :subscriberId", Object[].class)
                .setParameter("at", at)
                .setParameter("subscriberId", subscriberId)
                .getResultStream()
                .map(JpaEntitlementDirectory::valid)
                .toList();
    }

    private static ValidEntitlement valid(Object[] row) {
        return new ValidEntitlement((String) row[0], (String) row[1], (String) row[2]);
    }
}

package org.splitcast.registry.subscriber.internal;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.splitcast.registry.subscriber.DemographicsData;
import org.splitcast.registry.subscriber.SubscriberDirectory;

/** {@link SubscriberDirectory} on the {@code subscriber} table. */
@Stateless
@PermitAll
public class JpaSubscriberDirectory implements SubscriberDirectory {

    @PersistenceContext
    EntityManager em;

    @Override
    public boolean exists(String subscriberId) {
        return subscriberId != null && em.find(Subscriber.class, subscriberId) != null;
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.MANDATORY) // the lock lasts as long as the caller's transaction
    public boolean lock(String subscriberId) {
        return subscriberId != null && em.find(Subscriber.class, subscriberId, LockModeType.PESSIMISTIC_WRITE) != null;
    }

    @Override
    public List<SubscriberSegment> segments() {
        return em.createQuery(
                        "select s.id, s.demographics.ageBand, s.demographics.country, s.demographics.category"
                                + " from Subscriber s",
                        Object[].class)
                .getResultStream()
                .map(row -> new SubscriberSegment(
                        (String) row[0], new DemographicsData((String) row[1], (String) row[2], (String) row[3])))
                .toList();
    }
}

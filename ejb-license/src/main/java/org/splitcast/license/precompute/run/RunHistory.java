package org.splitcast.license.precompute.run;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.splitcast.license.precompute.PrecomputeRunView;

/** The records of the timer's decisions: one per run, latest first. */
@Stateless
public class RunHistory {

    @PersistenceContext
    EntityManager em;

    /** Keeps a run's record (in a transaction of its own: the run has none). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(PrecomputeRunView run) {
        em.persist(PrecomputeRunRecord.of(run));
    }

    /** The latest {@code limit} records (1 to 1000), latest first. */
    public List<PrecomputeRunView> latest(int limit) {
        return em.createNamedQuery("PrecomputeRunRecord.findLatest", PrecomputeRunRecord.class)
                .setMaxResults(Math.max(1, Math.min(limit, 1000)))
                .getResultStream()
                .map(PrecomputeRunRecord::view)
                .toList();
    }
}

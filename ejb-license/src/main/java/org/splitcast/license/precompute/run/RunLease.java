package org.splitcast.license.precompute.run;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/**
 * The lease on step 120: at most one node runs it at a time, and only once per period. Each
 * change is one conditional UPDATE of the state row in a transaction of its own, so two nodes
 * asking at once cannot both win, and a node that dies leaves a lease that simply runs out.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class RunLease {

    @PersistenceContext
    EntityManager em;

    /**
     * Takes the lease until {@code until} if nobody holds it and the last run started no later
     * than {@code dueBefore}.
     */
    public boolean acquire(String node, Instant now, Instant dueBefore, Instant until) {
        return em.createQuery("update PrecomputeState s set s.leaseOwner = :node, s.leaseUntil = :until"
                                + " where s.id = :id and (s.leaseUntil is null or s.leaseUntil < :now)"
                                + " and (s.lastRunAt is null or s.lastRunAt <= :dueBefore)")
                        .setParameter("node", node)
                        .setParameter("until", until)
                        .setParameter("id", PrecomputeState.ID)
                        .setParameter("now", now)
                        .setParameter("dueBefore", dueBefore)
                        .executeUpdate()
                == 1;
    }

    /** Extends the lease this node holds. */
    public boolean renew(String node, Instant until) {
        return em.createQuery("update PrecomputeState s set s.leaseUntil = :until"
                                + " where s.id = :id and s.leaseOwner = :node")
                        .setParameter("until", until)
                        .setParameter("id", PrecomputeState.ID)
                        .setParameter("node", node)
                        .executeUpdate()
                == 1;
    }

    /** Gives the lease back, recording when the run started (the next is due a period later). */
    public void release(String node, Instant runStartedAt) {
        em.createQuery("update PrecomputeState s set s.leaseOwner = null, s.leaseUntil = null,"
                        + " s.lastRunAt = :startedAt where s.id = :id and s.leaseOwner = :node")
                .setParameter("startedAt", runStartedAt)
                .setParameter("id", PrecomputeState.ID)
                .setParameter("node", node)
                .executeUpdate();
    }

    /** How far the license history has been swept into the active list (null: never). */
    public Instant sweptUntil() {
        return em.find(PrecomputeState.class, PrecomputeState.ID).accessesSweptUntil();
    }

    /** Records the sweep's progress (only the lease holder sweeps). */
    public void sweptUntil(Instant until) {
        em.find(PrecomputeState.class, PrecomputeState.ID, LockModeType.PESSIMISTIC_WRITE)
                .sweptUntil(until);
    }
}

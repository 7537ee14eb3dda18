package org.splitcast.activity;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import org.splitcast.subscriber.Subscriber;

/**
 * The repository of the active list (step 112). Putting a subscriber on the list locks their row
 * first, so that two events for the same subscriber (two terminals registered at once, an event
 * and the history sweep) queue up instead of both inserting.
 */
@Stateless
public class ActiveUsers {

    @PersistenceContext
    EntityManager em;

    /**
     * Puts the subscriber on the list (or, if already there, records the later event).
     *
     * @return false if the subscriber does not exist
     */
    public boolean activate(String subscriberId, ActivityReason reason, Instant at) {
        if (em.find(Subscriber.class, subscriberId, LockModeType.PESSIMISTIC_WRITE) == null) {
            return false;
        }
        ActiveUser user = em.find(ActiveUser.class, subscriberId);
        if (user == null) {
            em.persist(new ActiveUser(subscriberId, reason, at));
        } else {
            user.touched(at);
        }
        return true;
    }

    /** A subscriber who just joined (in the transaction that created them: nothing to lock). */
    public void joined(String subscriberId, Instant at) {
        em.persist(new ActiveUser(subscriberId, ActivityReason.NEW_SUBSCRIBER, at));
    }

    /**
     * Step 120 is done with the subscriber: off the list, unless an event came after {@code
     * takenAt} (they stay, to be looked at again).
     */
    public boolean takeOff(String subscriberId, Instant takenAt) {
        return em.createNamedQuery("ActiveUser.takeOff")
                        .setParameter("subscriberId", subscriberId)
                        .setParameter("takenAt", takenAt)
                        .executeUpdate()
                > 0;
    }

    /** The subscriber left: off the list whatever came since. */
    public boolean remove(String subscriberId) {
        return em.createNamedQuery("ActiveUser.remove")
                        .setParameter("subscriberId", subscriberId)
                        .executeUpdate()
                > 0;
    }

    /** The longest-waiting subscribers first. */
    public List<ActiveUser> oldest(int offset, int limit) {
        return em.createNamedQuery("ActiveUser.findOldest", ActiveUser.class)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
    }

    public long count() {
        return em.createNamedQuery("ActiveUser.count", Long.class).getSingleResult();
    }

    /**
     * The subscribers who were issued a license in [from, to): the accesses of step 112 that the
     * license server recorded itself (the request path only writes the license_issue row; this
     * sweep turns them into places on the list).
     */
    public List<String> accessedBetween(Instant from, Instant to) {
        return em.createQuery(
                        "select distinct i.subscriberId from LicenseIssue i where i.issuedAt >= :from"
                                + " and i.issuedAt < :to",
                        String.class)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList();
    }
}

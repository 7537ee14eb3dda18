package org.splitcast.license.activity.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import org.splitcast.license.activity.ActivityReason;
import org.splitcast.registry.subscriber.SubscriberDirectory;

/**
 * The repository of the active list (step 112). Putting a subscriber on the list locks their row
 * first, so that two events for the same subscriber (two terminals registered at once, an event
 * and the history sweep) queue up instead of both inserting.
 */
@Stateless
public class ActiveUsers {

    @PersistenceContext
    EntityManager em;

    @EJB
    SubscriberDirectory subscribers;

    /**
     * Puts the subscriber on the list for an event at {@code at} (or, if already there, records
     * the later event); an event from before the subscriber was reported removed changes nothing.
     *
     * @return whether the subscriber is on the list now (false too if they do not exist)
     */
    public boolean activate(String subscriberId, ActivityReason reason, Instant at) {
        if (!subscribers.lock(subscriberId)) {
            return false;
        }
        ActiveUser user = em.find(ActiveUser.class, subscriberId);
        if (user == null) {
            em.persist(new ActiveUser(subscriberId, reason, at));
            return true;
        }
        return user.touched(reason, at);
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

    /**
     * Step 120 stopped part-way through the subscriber (its budget or period ran out, the gate
     * closed): they stay on the list, behind everyone waiting since before {@code at}, so that a
     * subscriber with more terminals than one run can serve does not hold the head of the list and
     * leave the others waiting run after run.
     */
    public boolean requeue(String subscriberId, Instant at) {
        return em.createNamedQuery("ActiveUser.requeue")
                        .setParameter("subscriberId", subscriberId)
                        .setParameter("at", at)
                        .executeUpdate()
                > 0;
    }

    /**
     * The subscriber left (an integrator's removal event at {@code at}): off the list, and kept off
     * by the events from before, such as a license issued a moment earlier that the history sweep
     * has not read yet.
     *
     * @return whether the subscriber was on the list
     */
    public boolean remove(String subscriberId, Instant at) {
        if (!subscribers.lock(subscriberId)) {
            return false;
        }
        ActiveUser user = em.find(ActiveUser.class, subscriberId);
        if (user == null) {
            ActiveUser tombstone = new ActiveUser(subscriberId, ActivityReason.ACCESS, at);
            tombstone.removed(at);
            em.persist(tombstone);
            return false;
        }
        boolean wasOn = !user.isRemoved();
        user.removed(at);
        return wasOn;
    }

    /** Drops the removal marks the history sweep has passed: nothing from before can come back. */
    public int forgetRemovedBefore(Instant sweptUntil) {
        return em.createNamedQuery("ActiveUser.forgetRemovedBefore")
                .setParameter("before", sweptUntil)
                .executeUpdate();
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
     * The subscribers who were issued a license in [from, to), each with their latest license's
     * time: the accesses of step 112 that the license server recorded itself (the request path
     * only writes the license_issue row; this sweep turns them into places on the list).
     */
    public List<Access> accessedBetween(Instant from, Instant to) {
        return em.createQuery(
                        "select i.subscriberId, max(i.issuedAt) from LicenseIssue i where i.issuedAt >= :from"
                                + " and i.issuedAt < :to group by i.subscriberId",
                        Object[].class)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultStream()
                .map(row -> new Access((String) row[0], (Instant) row[1]))
                .toList();
    }

    /** A subscriber's latest license in a sweep's window. */
    public record Access(String subscriberId, Instant at) {}
}

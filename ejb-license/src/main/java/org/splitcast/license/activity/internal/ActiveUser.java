package org.splitcast.license.activity.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import org.splitcast.license.activity.ActivityReason;

/** A subscriber on the active list (step 112), waiting for the precompute step (120). */
@Entity
@Table(name = "active_user")
@NamedQuery(
        name = "ActiveUser.findOldest",
        query = "select a from ActiveUser a where a.removedAt is null order by a.since, a.subscriberId")
@NamedQuery(name = "ActiveUser.count", query = "select count(a) from ActiveUser a where a.removedAt is null")
@NamedQuery(
        name = "ActiveUser.takeOff",
        query = "delete from ActiveUser a where a.subscriberId = :subscriberId and a.lastEventAt <= :takenAt"
                + " and a.removedAt is null")
@NamedQuery(
        name = "ActiveUser.requeue",
        query = "update ActiveUser a set a.since = :at where a.subscriberId = :subscriberId and a.removedAt is null")
@NamedQuery(name = "ActiveUser.forgetRemovedBefore", query = "delete from ActiveUser a where a.removedAt < :before")
public class ActiveUser {

    @Id
    @Column(name = "subscriber_id", length = 64)
    private String subscriberId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ActivityReason reason;

    @Column(nullable = false)
    private Instant since;

    @Column(name = "last_event_at", nullable = false)
    private Instant lastEventAt;

    /** Set when an integrator reported the subscriber removed: off the list (a tombstone). */
    @Column(name = "removed_at")
    private Instant removedAt;

    protected ActiveUser() {}

    public ActiveUser(String subscriberId, ActivityReason reason, Instant at) {
        this.subscriberId = subscriberId;
        this.reason = reason;
        this.since = at;
        this.lastEventAt = at;
    }

    /**
     * Another event: on the list, the first reason and time stay and the latest moves; off it
     * (removed), only an event after the removal puts the subscriber back.
     *
     * @return whether the subscriber is on the list now
     */
    boolean touched(ActivityReason why, Instant at) {
        if (removedAt != null) {
            if (!at.isAfter(removedAt)) {
                return false;
            }
            removedAt = null;
            reason = why;
            since = at;
            lastEventAt = at;
            return true;
        }
        if (at.isAfter(lastEventAt)) {
            lastEventAt = at;
        }
        return true;
    }

    /** Reported removed: off the list, and kept off by events from before {@code at}. */
    void removed(Instant at) {
        removedAt = at;
    }

    boolean isRemoved() {
        return removedAt != null;
    }

    public String subscriberId() {
        return subscriberId;
    }

    public ActivityReason reason() {
        return reason;
    }

    public Instant since() {
        return since;
    }

    public Instant lastEventAt() {
        return lastEventAt;
    }
}

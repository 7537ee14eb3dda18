package org.splitcast.activity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A subscriber on the active list (step 112), waiting for the precompute step (120). */
@Entity
@Table(name = "active_user")
@NamedQuery(name = "ActiveUser.findOldest", query = "select a from ActiveUser a order by a.since, a.subscriberId")
@NamedQuery(name = "ActiveUser.count", query = "select count(a) from ActiveUser a")
@NamedQuery(
        name = "ActiveUser.takeOff",
        query = "delete from ActiveUser a where a.subscriberId = :subscriberId and a.lastEventAt <= :takenAt")
@NamedQuery(name = "ActiveUser.remove", query = "delete from ActiveUser a where a.subscriberId = :subscriberId")
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

    protected ActiveUser() {}

    public ActiveUser(String subscriberId, ActivityReason reason, Instant at) {
        this.subscriberId = subscriberId;
        this.reason = reason;
        this.since = at;
        this.lastEventAt = at;
    }

    /** Another event while on the list: the first reason and time stay, the latest moves. */
    void touched(Instant at) {
        if (at.isAfter(lastEventAt)) {
            lastEventAt = at;
        }
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

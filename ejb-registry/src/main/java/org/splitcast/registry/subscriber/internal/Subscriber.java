package org.splitcast.registry.subscriber.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A subscriber. Deleting one deletes (by foreign key cascade) its account, terminals and entitlements. */
@Entity
@Table(name = "subscriber")
@NamedQuery(name = "Subscriber.findAll", query = "select s from Subscriber s order by s.createdAt, s.id")
@NamedQuery(name = "Subscriber.countAll", query = "select count(s) from Subscriber s")
public class Subscriber {

    @Id
    @Column(length = 64)
    private String id;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Embedded
    private Demographics demographics;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Subscriber() {}

    public Subscriber(String id, String displayName, Demographics demographics, Instant createdAt) {
        this.id = id;
        this.displayName = displayName;
        this.demographics = demographics;
        this.createdAt = createdAt;
    }

    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public Demographics demographics() {
        return demographics;
    }

    public Instant createdAt() {
        return createdAt;
    }
}

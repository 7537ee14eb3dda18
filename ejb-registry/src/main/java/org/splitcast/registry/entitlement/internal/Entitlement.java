package org.splitcast.registry.entitlement.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import org.splitcast.registry.content.internal.Content;
import org.splitcast.registry.content.internal.ContentPackage;
import org.splitcast.registry.entitlement.EntitlementKind;
import org.splitcast.registry.subscriber.internal.Subscriber;

/** A subscriber's right to one content (purchase) or to a package, from {@code validFrom} until {@code validUntil}. */
@Entity
@Table(name = "entitlement")
@NamedQuery(
        name = "Entitlement.findBySubscriber",
        query = "select e from Entitlement e where e.subscriber.id = :subscriberId order by e.validFrom, e.id")
@NamedQuery(
        name = "Entitlement.countValidFor",
        query = "select count(e) from Entitlement e left join e.content purchased"
                + " where e.subscriber.id = :subscriberId"
                + " and e.validFrom <= :at and (e.validUntil is null or e.validUntil > :at)"
                + " and (purchased.id = :contentId"
                + "      or exists (select 1 from ContentPackage p join p.contents c"
                + "                 where p = e.contentPackage and c.id = :contentId))")
@NamedQuery(
        name = "Entitlement.findValidFor",
        query = "select e from Entitlement e left join e.content purchased"
                + " where e.subscriber.id = :subscriberId"
                + " and e.validFrom <= :at and (e.validUntil is null or e.validUntil > :at)"
                + " and (purchased.id = :contentId"
                + "      or exists (select 1 from ContentPackage p join p.contents c"
                + "                 where p = e.contentPackage and c.id = :contentId))")
@NamedQuery(
        name = "Entitlement.periodsFor",
        query = "select e.validFrom, e.validUntil from Entitlement e left join e.content purchased"
                + " where e.subscriber.id = :subscriberId"
                + " and (purchased.id = :contentId"
                + "      or exists (select 1 from ContentPackage p join p.contents c"
                + "                 where p = e.contentPackage and c.id = :contentId))")
public class Entitlement {

    @Id
    @Column(length = 64)
    private String id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "subscriber_id", nullable = false)
    private Subscriber subscriber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private EntitlementKind kind;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "content_id")
    private Content content;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "package_id")
    private ContentPackage contentPackage;

    // the foreign key columns, readable without loading the entities
    @Column(name = "subscriber_id", length = 64, insertable = false, updatable = false)
    private String subscriberId;

    @Column(name = "content_id", length = 64, insertable = false, updatable = false)
    private String contentId;

    @Column(name = "package_id", length = 64, insertable = false, updatable = false)
    private String packageId;

    @Column(name = "valid_from", nullable = false)
    private Instant validFrom;

    @Column(name = "valid_until")
    private Instant validUntil;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Entitlement() {}

    private Entitlement(
            String id,
            Subscriber subscriber,
            EntitlementKind kind,
            Content content,
            ContentPackage contentPackage,
            Instant validFrom,
            Instant validUntil,
            Instant createdAt) {
        this.id = id;
        this.subscriber = subscriber;
        this.subscriberId = subscriber.id();
        this.kind = kind;
        this.content = content;
        this.contentId = content == null ? null : content.id();
        this.contentPackage = contentPackage;
        this.packageId = contentPackage == null ? null : contentPackage.id();
        this.validFrom = validFrom;
        this.validUntil = validUntil;
        this.createdAt = createdAt;
    }

    public static Entitlement purchase(
            String id, Subscriber subscriber, Content content, Instant from, Instant until, Instant now) {
        return new Entitlement(id, subscriber, EntitlementKind.PURCHASE, content, null, from, until, now);
    }

    public static Entitlement ofPackage(
            String id, Subscriber subscriber, ContentPackage contentPackage, Instant from, Instant until, Instant now) {
        return new Entitlement(id, subscriber, EntitlementKind.PACKAGE, null, contentPackage, from, until, now);
    }

    public boolean validAt(Instant at) {
        return !validFrom.isAfter(at) && (validUntil == null || validUntil.isAfter(at));
    }

    public String id() {
        return id;
    }

    public Subscriber subscriber() {
        return subscriber;
    }

    public String subscriberId() {
        return subscriberId;
    }

    /** The purchased content's id, for a {@link EntitlementKind#PURCHASE}. */
    public String contentId() {
        return contentId;
    }

    /** The package's id, for a {@link EntitlementKind#PACKAGE}. */
    public String packageId() {
        return packageId;
    }

    public EntitlementKind kind() {
        return kind;
    }

    public Content content() {
        return content;
    }

    public ContentPackage contentPackage() {
        return contentPackage;
    }

    public Instant validFrom() {
        return validFrom;
    }

    public Instant validUntil() {
        return validUntil;
    }

    public Instant createdAt() {
        return createdAt;
    }
}

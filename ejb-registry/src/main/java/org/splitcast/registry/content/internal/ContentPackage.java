package org.splitcast.registry.content.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/** A set of contents sold together; an entitlement to a package entitles to all its contents. */
@Entity
@Table(name = "content_package")
@NamedQuery(name = "ContentPackage.findAll", query = "select p from ContentPackage p order by p.id")
@NamedQuery(
        name = "ContentPackage.findContaining",
        query = "select p from ContentPackage p join p.contents c where c.id = :contentId order by p.id")
public class ContentPackage {

    @Id
    @Column(length = 64)
    private String id;

    @Column(nullable = false, length = 200)
    private String name;

    @ManyToMany
    @JoinTable(
            name = "content_package_item",
            joinColumns = @JoinColumn(name = "package_id"),
            inverseJoinColumns = @JoinColumn(name = "content_id"))
    private Set<Content> contents = new LinkedHashSet<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected ContentPackage() {}

    public ContentPackage(String id, String name, Instant createdAt) {
        this.id = id;
        this.name = name;
        this.createdAt = createdAt;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Set<Content> contents() {
        return contents;
    }

    public Instant createdAt() {
        return createdAt;
    }
}

package org.splitcast.registry.content.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A content of the catalogue (metadata; its media come with ingest, in a later issue). */
@Entity
@Table(name = "content")
@NamedQuery(name = "Content.findAll", query = "select c from Content c order by c.createdAt, c.id")
@NamedQuery(name = "Content.countAll", query = "select count(c) from Content c")
@NamedQuery(
        name = "Content.findByGenre",
        query = "select c from Content c where c.genre = :genre order by c.createdAt, c.id")
@NamedQuery(name = "Content.countByGenre", query = "select count(c) from Content c where c.genre = :genre")
public class Content {

    @Id
    @Column(length = 64)
    private String id;

    @Column(nullable = false, length = 300)
    private String title;

    @Column(nullable = false, length = 64)
    private String genre;

    @Column(name = "duration_seconds", nullable = false)
    private int durationSeconds;

    @Embedded
    private AccessRules rules;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Content() {}

    public Content(String id, String title, String genre, int durationSeconds, AccessRules rules, Instant createdAt) {
        this.id = id;
        this.title = title;
        this.genre = genre;
        this.durationSeconds = durationSeconds;
        this.rules = rules;
        this.createdAt = createdAt;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String genre() {
        return genre;
    }

    public int durationSeconds() {
        return durationSeconds;
    }

    public AccessRules rules() {
        return rules;
    }

    public Instant createdAt() {
        return createdAt;
    }
}

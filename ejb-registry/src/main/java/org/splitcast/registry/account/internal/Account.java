package org.splitcast.registry.account.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.splitcast.registry.account.Caller;
import org.splitcast.registry.account.Role;
import org.splitcast.registry.subscriber.internal.Subscriber;

/** A login: username, Argon2id hash of the password, role, and for subscribers their subscriber id. */
@Entity
@Table(name = "account")
@NamedQuery(name = "Account.countAll", query = "select count(a) from Account a")
@NamedQuery(name = "Account.countByRole", query = "select count(a) from Account a where a.role = :role")
@NamedQuery(name = "Account.findAll", query = "select a from Account a order by a.username")
@NamedQuery(name = "Account.findBySubscriber", query = "select a from Account a where a.subscriber.id = :subscriberId")
public class Account {

    @Id
    @Column(length = 64)
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Role role;

    /** For subscriber accounts: whose. (A relation, so that Hibernate inserts the subscriber first.) */
    @OneToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "subscriber_id")
    private Subscriber subscriber;

    /** The same column, readable without loading the subscriber. */
    @Column(name = "subscriber_id", length = 64, insertable = false, updatable = false)
    private String subscriberId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Account() {}

    public Account(String username, String passwordHash, Role role, Subscriber subscriber, Instant createdAt) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.role = role;
        this.subscriber = subscriber;
        this.subscriberId = subscriber == null ? null : subscriber.id();
        this.createdAt = createdAt;
    }

    public String username() {
        return username;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public void changePasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public Role role() {
        return role;
    }

    public String subscriberId() {
        return subscriberId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Caller toCaller() {
        return new Caller(username, role, subscriberId());
    }
}

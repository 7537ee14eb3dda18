package org.splitcast.session.live.internal;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.splitcast.crypto.SecretKeys;
import org.splitcast.multicast.auth.Challenge;
import org.splitcast.registry.keys.KeyOwner;
import org.splitcast.registry.keys.KeyVault;

/**
 * The live tables: challenges, sessions (SK sealed by the key vault) and the live signing key.
 * Every write commits on its own (REQUIRES_NEW): a challenge taken stays taken when the request
 * that took it is refused afterwards.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class LiveStore {

    @PersistenceContext
    EntityManager em;

    @EJB
    KeyVault vault;

    /** The key-vault owner of a session's SK. */
    static KeyOwner sessionKeyOwner(String sessionId) {
        return new KeyOwner("live-session/" + sessionId);
    }

    /** The key-vault owner of the live signing key. */
    static KeyOwner signingKeyOwner(String keyId) {
        return new KeyOwner("live-signing/" + keyId);
    }

    public void putChallenge(Challenge c) {
        em.persist(new LiveChallengeRow(c.challengeId(), c.terminalId(), c.nonce(), c.issuedAt(), c.expiresAt()));
    }

    /** Removes and returns the challenge: a second take of the same id finds nothing. */
    public Optional<Challenge> takeChallenge(String challengeId) {
        if (challengeId == null || challengeId.isEmpty() || challengeId.length() > 64) {
            return Optional.empty();
        }
        LiveChallengeRow row = em.find(LiveChallengeRow.class, challengeId);
        if (row == null) {
            return Optional.empty();
        }
        // a bulk delete counts the rows it removed: of two concurrent takes, one gets 0
        int removed = em.createNamedQuery("LiveChallengeRow.take")
                .setParameter("id", challengeId)
                .executeUpdate();
        if (removed != 1) {
            return Optional.empty();
        }
        return Optional.of(
                new Challenge(row.challengeId(), row.terminalId(), row.nonce(), row.issuedAt(), row.expiresAt()));
    }

    /** Deletes the challenges that expired before {@code before}; returns how many. */
    public int purgeChallenges(Instant before) {
        return em.createNamedQuery("LiveChallengeRow.purge")
                .setParameter("before", before)
                .executeUpdate();
    }

    /** Stores a new session with its SK sealed under the master key; {@code sk} is not kept. */
    public void saveSession(
            String sessionId,
            String terminalId,
            String contentId,
            String groupId,
            byte[] sk,
            Instant now,
            Instant expiresAt) {
        em.persist(new LiveSessionRow(
                sessionId, terminalId, contentId, groupId, vault.seal(sk, sessionKeyOwner(sessionId)), now, expiresAt));
    }

    /** A renewal: the new SK (sealed), the new expiry. */
    public void renewSession(String sessionId, byte[] sk, Instant now, Instant expiresAt) {
        LiveSessionRow row = em.find(LiveSessionRow.class, sessionId);
        if (row != null) {
            row.renewed(vault.seal(sk, sessionKeyOwner(sessionId)), now, expiresAt);
        }
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<LiveSessionRow> findSession(String sessionId) {
        if (sessionId == null || sessionId.isEmpty() || sessionId.length() > 64) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(LiveSessionRow.class, sessionId));
    }

    public void endSession(String sessionId, String reason, Instant at) {
        LiveSessionRow row = em.find(LiveSessionRow.class, sessionId);
        if (row != null) {
            row.end(reason, at);
        }
    }

    /** Ends the open sessions of a terminal; returns their ids. */
    public List<String> endSessionsOfTerminal(String terminalId, String reason, Instant at) {
        List<LiveSessionRow> rows = em.createNamedQuery("LiveSessionRow.openOfTerminal", LiveSessionRow.class)
                .setParameter("terminalId", terminalId)
                .getResultList();
        rows.forEach(r -> r.end(reason, at));
        return rows.stream().map(LiveSessionRow::sessionId).toList();
    }

    /** Ends the open sessions of a group (channel closed or server restarted). */
    public int endSessionsOfGroup(String groupId, String reason, Instant at) {
        List<LiveSessionRow> rows = em.createNamedQuery("LiveSessionRow.openOfGroup", LiveSessionRow.class)
                .setParameter("groupId", groupId)
                .getResultList();
        rows.forEach(r -> r.end(reason, at));
        return rows.size();
    }

    /**
     * The live signing key as PKCS#8 + SPKI, made and stored (private key sealed) on first use.
     * The caller wipes {@code privateKey}.
     */
    public StoredSigningKey signingKey(java.util.function.Supplier<java.security.KeyPair> generator) {
        List<LiveSigningKeyRow> rows = em.createNamedQuery("LiveSigningKeyRow.newest", LiveSigningKeyRow.class)
                .setMaxResults(1)
                .getResultList();
        if (!rows.isEmpty()) {
            LiveSigningKeyRow row = rows.get(0);
            return new StoredSigningKey(
                    row.keyId(), vault.open(row.wrappedPrivateKey(), signingKeyOwner(row.keyId())), row.publicKey());
        }
        java.security.KeyPair pair = generator.get();
        String keyId = "live-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        byte[] pkcs8 = pair.getPrivate().getEncoded();
        try {
            em.persist(new LiveSigningKeyRow(
                    keyId, pair.getPublic().getEncoded(), vault.seal(pkcs8, signingKeyOwner(keyId)), Instant.now()));
            return new StoredSigningKey(keyId, pkcs8.clone(), pair.getPublic().getEncoded());
        } finally {
            SecretKeys.wipe(pkcs8);
        }
    }

    /** The signing key as read from the table: the private key in clear, to wipe after use. */
    public record StoredSigningKey(String keyId, byte[] privateKey, byte[] publicKey) {
        @Override
        public String toString() {
            return "StoredSigningKey[" + keyId + ", privateKey=(hidden)]";
        }
    }
}

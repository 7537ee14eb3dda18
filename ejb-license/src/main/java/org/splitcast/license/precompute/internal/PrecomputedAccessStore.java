package org.splitcast.license.precompute.internal;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.splitcast.license.format.AccessBlock;
import org.splitcast.license.metrics.internal.LicenseMetrics;
import org.splitcast.registry.keys.KeyOwner;
import org.splitcast.registry.keys.KeyVault;

/**
 * The repository of the precomputed access store: lookup by (terminal, content, key id) (step
 * 141), insertion that never duplicates, and the removals that keep it true.
 */
@Stateless
public class PrecomputedAccessStore {

    private static final Logger LOG = Logger.getLogger(PrecomputedAccessStore.class);

    @PersistenceContext
    EntityManager em;

    @EJB
    KeyVault vault;

    @Inject
    PrecomputedAccessCache cache;

    @Resource
    SessionContext context;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    LicenseMetrics metrics;

    @Inject
    PrecomputedAccessWriteBehind writeBehind;

    /** How long a size waits at most for the write-behind. */
    private static final Duration WRITTEN_WAIT = Duration.ofSeconds(5);

    /**
     * The stored block of the triple, if it is still valid at {@code validAfter}: from the cache in
     * memory, or else from the table (and then cached).
     */
    public Optional<StoredAccess> find(String terminalId, String contentId, String keyId, Instant validAfter) {
        return Optional.ofNullable(cache.find(
                terminalId, contentId, keyId, validAfter, () -> context.getBusinessObject(PrecomputedAccessStore.class)
                        .loadOutsideTransaction(terminalId, contentId, keyId, validAfter)
                        .orElse(null)));
    }

    /**
     * The table's look-up of {@link #find}, outside the caller's transaction: the connection it
     * borrows goes back to the pool at once instead of staying with the request's transaction. A miss
     * then waits for the triple's computation ({@code AccessComputation}, whose store needs a
     * connection of its own) without holding one: 200 concurrent misses of one triple could
     * otherwise hold every connection of the pool while the one computing waited for a 31st.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<StoredAccess> loadOutsideTransaction(
            String terminalId, String contentId, String keyId, Instant validAfter) {
        return load(terminalId, contentId, keyId, validAfter);
    }

    private Optional<StoredAccess> load(String terminalId, String contentId, String keyId, Instant validAfter) {
        return em.createNamedQuery("PrecomputedAccess.find", PrecomputedAccess.class)
                .setParameter("terminalId", terminalId)
                .setParameter("contentId", contentId)
                .setParameter("keyId", keyId)
                .getResultStream()
                .filter(a -> a.expiresAt().isAfter(validAfter))
                .findFirst()
                .map(this::open);
    }

    /**
     * Stores the block unless the triple already has one, in a transaction of its own so that it
     * is visible to other requests at once and a conflict cannot spoil the caller's transaction.
     *
     * @return false if another writer stored the triple first (the unique constraint refused this
     *     one, or an expired entry was found and is replaced)
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean storeIfAbsent(AccessBlock block, String subscriberId, String signingKeyId) {
        var existing = em.createNamedQuery("PrecomputedAccess.find", PrecomputedAccess.class)
                .setParameter("terminalId", block.terminalId())
                .setParameter("contentId", block.contentId())
                .setParameter("keyId", block.keyId())
                .getResultList();
        for (PrecomputedAccess old : existing) {
            if (old.expiresAt().isAfter(Instant.now())) {
                return false;
            }
            em.remove(old);
            cache.remove(
                    k -> k.terminalId().equals(old.terminalId())
                            && k.contentId().equals(old.contentId()),
                    v -> true);
        }
        em.flush();
        byte[] wrappedGrantKey = block.grantKey() == null
                ? null
                : vault.seal(
                        block.grantKey(),
                        KeyOwner.precomputedAccess(block.terminalId(), block.contentId(), block.keyId()));
        try {
            em.persist(new PrecomputedAccess(
                    UUID.randomUUID().toString(),
                    block.terminalId(),
                    block.contentId(),
                    block.keyId(),
                    subscriberId,
                    signingKeyId,
                    block.compact(),
                    wrappedGrantKey,
                    block.computedAt(),
                    block.expiresAt()));
            em.flush();
            return true;
        } catch (PersistenceException e) {
            // another node (or the timer) stored the same triple between our check and our insert:
            // the unique constraint kept the store consistent; this transaction rolls back alone
            LOG.debugf(
                    "Access block for terminal %s, content %s already stored concurrently",
                    block.terminalId(), block.contentId());
            return false;
        }
    }

    /**
     * Stores the write-behind's batch ({@link PrecomputedAccessWriteBehind}: blocks computed on
     * misses, already in memory) in one transaction: a triple that has a valid row keeps it, an
     * expired row is replaced. Before the commit, the rows of blocks that a removal matched since the
     * batch was taken are deleted again, and the removals wait for the commit ({@link
     * PrecomputedAccessCache#confirmFlush}). A unique-constraint conflict (another node, or the
     * precompute run, stored a triple first) rolls the whole batch back: the caller retries row by row.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void storeQueued(List<PrecomputedAccessCache.Queued> batch) {
        Set<String> terminalIds = new HashSet<>();
        Set<String> contentIds = new HashSet<>();
        for (PrecomputedAccessCache.Queued q : batch) {
            terminalIds.add(q.key().terminalId());
            contentIds.add(q.key().contentId());
        }
        // the ids and expiries only (no entities to manage): rows of other pairs of these
        // terminals and contents come too, and are skipped
        Map<PrecomputedAccessCache.Key, Object[]> existing = new HashMap<>();
        em.createQuery(
                        "select a.terminalId, a.contentId, a.keyId, a.id, a.expiresAt from PrecomputedAccess a"
                                + " where a.terminalId in :terminalIds and a.contentId in :contentIds",
                        Object[].class)
                .setParameter("terminalIds", terminalIds)
                .setParameter("contentIds", contentIds)
                .getResultStream()
                .forEach(row -> existing.put(
                        new PrecomputedAccessCache.Key((String) row[0], (String) row[1], (String) row[2]), row));
        Instant now = Instant.now();
        Map<PrecomputedAccessCache.Key, PrecomputedAccessCache.Queued> toWrite = new LinkedHashMap<>();
        List<String> expired = new ArrayList<>();
        for (PrecomputedAccessCache.Queued q : batch) {
            Object[] old = existing.remove(q.key());
            if (old != null && ((Instant) old[4]).isAfter(now)) {
                existing.put(q.key(), old);
                continue;
            }
            if (old != null) {
                // replaced below: deleted first, the unique constraint holds at every statement
                expired.add((String) old[3]);
            }
            toWrite.putIfAbsent(q.key(), q);
        }
        if (!expired.isEmpty()) {
            em.createQuery("delete from PrecomputedAccess a where a.id in :ids")
                    .setParameter("ids", expired)
                    .executeUpdate();
        }
        Map<PrecomputedAccessCache.Key, PrecomputedAccess> written = new HashMap<>();
        for (PrecomputedAccessCache.Queued q : toWrite.values()) {
            AccessBlock block = q.block();
            byte[] grantKey = q.value().grantKey();
            byte[] wrappedGrantKey = grantKey == null
                    ? null
                    : vault.seal(
                            grantKey, KeyOwner.precomputedAccess(block.terminalId(), block.contentId(), block.keyId()));
            PrecomputedAccess row = new PrecomputedAccess(
                    UUID.randomUUID().toString(),
                    block.terminalId(),
                    block.contentId(),
                    block.keyId(),
                    q.subscriberId(),
                    q.value().signingKeyId(),
                    block.compact(),
                    wrappedGrantKey,
                    block.computedAt(),
                    block.expiresAt());
            em.persist(row);
            written.put(q.key(), row);
        }
        em.flush();
        // from here until this transaction completes, removals wait (no statement below waits for
        // another transaction: only this transaction's own rows are deleted)
        List<PrecomputedAccessCache.Queued> removed = cache.confirmFlush(List.copyOf(toWrite.values()));
        int rows = toWrite.size() - removed.size();
        try {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {}

                @Override
                public void afterCompletion(int status) {
                    cache.releaseFlush();
                    if (status == Status.STATUS_COMMITTED && metrics != null) {
                        metrics.storeBatch(rows);
                    }
                }
            });
        } catch (RuntimeException e) {
            cache.releaseFlush();
            throw e;
        }
        if (!removed.isEmpty()) {
            for (PrecomputedAccessCache.Queued q : removed) {
                em.remove(written.get(q.key()));
            }
            em.flush();
        }
    }

    /** The table's rows, once the blocks of misses queued so far are written (write-behind). */
    public long size() {
        writeBehind.awaitWritten(WRITTEN_WAIT);
        return em.createNamedQuery("PrecomputedAccess.count", Long.class).getSingleResult();
    }

    /** The terminal's rows in the table, once the blocks of misses queued so far are written. */
    public long sizeFor(String terminalId) {
        writeBehind.awaitWritten(WRITTEN_WAIT);
        return em.createNamedQuery("PrecomputedAccess.countByTerminal", Long.class)
                .setParameter("terminalId", terminalId)
                .getSingleResult();
    }

    /** The terminal was revoked or removed. */
    public int deleteForTerminal(String terminalId) {
        cache.remove(k -> k.terminalId().equals(terminalId), v -> true);
        return em.createNamedQuery("PrecomputedAccess.deleteByTerminal")
                .setParameter("terminalId", terminalId)
                .executeUpdate();
    }

    /** The subscriber was removed or revoked. */
    public int deleteForSubscriber(String subscriberId) {
        cache.remove(k -> true, v -> true);
        return em.createNamedQuery("PrecomputedAccess.deleteBySubscriber")
                .setParameter("subscriberId", subscriberId)
                .executeUpdate();
    }

    /** The content, its rules or its key changed. */
    public int deleteForContent(String contentId) {
        cache.remove(k -> k.contentId().equals(contentId), v -> true);
        return em.createNamedQuery("PrecomputedAccess.deleteByContent")
                .setParameter("contentId", contentId)
                .executeUpdate();
    }

    /**
     * Which of these contents have an access block for the terminal under their current key that
     * stays valid past {@code validAfter}: the rule of a hit (step 141), for many contents at once.
     *
     * @param currentKeyIds each content's current key id
     */
    public Set<String> precomputedAmong(String terminalId, Map<String, String> currentKeyIds, Instant validAfter) {
        if (currentKeyIds.isEmpty()) {
            return Set.of();
        }
        Set<String> ready = new HashSet<>();
        em.createQuery(
                        "select a.contentId, a.keyId from PrecomputedAccess a where a.terminalId = :terminalId"
                                + " and a.contentId in :contentIds and a.expiresAt > :validAfter",
                        Object[].class)
                .setParameter("terminalId", terminalId)
                .setParameter("contentIds", currentKeyIds.keySet())
                .setParameter("validAfter", validAfter)
                .getResultStream()
                .filter(row -> row[1].equals(currentKeyIds.get((String) row[0])))
                .forEach(row -> ready.add((String) row[0]));
        return ready;
    }

    /** The content's key changed: drops the blocks of every other key (a block for the new one stays). */
    public int deleteForContentExceptKey(String contentId, String keyId) {
        cache.remove(k -> k.contentId().equals(contentId) && !k.keyId().equals(keyId), v -> true);
        return em.createNamedQuery("PrecomputedAccess.deleteByContentExceptKey")
                .setParameter("contentId", contentId)
                .setParameter("keyId", keyId)
                .executeUpdate();
    }

    /** An entitlement of the subscriber to the content ended. */
    public int deleteForSubscriberAndContent(String subscriberId, String contentId) {
        cache.remove(k -> k.contentId().equals(contentId), v -> true);
        return em.createNamedQuery("PrecomputedAccess.deleteBySubscriberAndContent")
                .setParameter("subscriberId", subscriberId)
                .setParameter("contentId", contentId)
                .executeUpdate();
    }

    /** The signing key was rotated: blocks signed by older keys are dropped. */
    public int deleteNotSignedBy(String signingKeyId) {
        cache.remove(k -> true, v -> !signingKeyId.equals(v.signingKeyId()));
        return em.createNamedQuery("PrecomputedAccess.deleteNotSignedBy")
                .setParameter("signingKeyId", signingKeyId)
                .executeUpdate();
    }

    public int deleteExpired(Instant now) {
        cache.remove(k -> true, v -> !v.expiresAt().isAfter(now));
        return em.createNamedQuery("PrecomputedAccess.deleteExpired")
                .setParameter("now", now)
                .executeUpdate();
    }

    private StoredAccess open(PrecomputedAccess a) {
        byte[] grantKey = a.wrappedGrantKey() == null
                ? null
                : vault.open(a.wrappedGrantKey(), KeyOwner.precomputedAccess(a.terminalId(), a.contentId(), a.keyId()));
        return new StoredAccess(a.accessBlock(), grantKey, a.expiresAt(), a.signingKeyId());
    }
}

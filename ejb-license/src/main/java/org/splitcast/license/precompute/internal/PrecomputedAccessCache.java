package org.splitcast.license.precompute.internal;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.splitcast.license.format.AccessBlock;
import org.splitcast.registry.events.CatalogueChanged;
import org.splitcast.registry.events.SubscriberRemoved;
import org.splitcast.registry.events.TerminalRemoved;

/**
 * The precomputed access store in memory, in front of its table (issue 12): a hit (step 146) finds
 * its block, already opened, without a database round trip. The table stays the truth (it survives
 * a restart, every node sees it); this is a read-through cache of its rows by (terminal, content,
 * key id), filled on the first lookup of a triple, never holding a negative answer.
 *
 * <p>Every removal from the table removes the same entries here twice: at once (so that no request
 * finds them from then on) and once the removing transaction has completed (so that a request that
 * read the row before the commit cannot put it back). A load that raced with a removal is dropped
 * by the generation check, as in the registry's cache. Entries past their expiry are never served
 * (the lookup checks it, as the query does). The map is an interface away from being a replicated
 * Infinispan cache in a cluster: a key, a value, a put-if-unchanged and removals by predicate.
 *
 * <p>Write-behind of misses (issue 12, PostgreSQL): a block computed on a miss is put here at once
 * and queued for the table ({@link #putAndQueue}); {@code PrecomputedAccessWriteBehind} writes the
 * queue in batches, one transaction (one commit, one fsync) for many misses, off the request path.
 * The queue is bounded ({@link #MAX_QUEUED}): past it a block stays in memory only (the table is a
 * cache too: a lost row costs a recomputation). A removal drops the matching queued blocks, and one
 * that comes while a batch is being written is checked by that batch before it commits ({@link
 * #confirmFlush}): the batch deletes its matching rows in its own transaction, and a removal that
 * comes after that check waits until the batch has committed, so its own delete finds the rows. No
 * row removed from the store can thus reach the table behind the removal's back.
 */
@ApplicationScoped
public class PrecomputedAccessCache {

    /** Above this many entries the map is cleared (the table answers meanwhile). */
    static final int MAX_ENTRIES = 200_000;

    /** At most this many blocks wait for the write-behind; more are kept in memory only. */
    static final int MAX_QUEUED = 10_000;

    record Key(String terminalId, String contentId, String keyId) {}

    /** A miss's block waiting for the table: its key and value as cached, the block to store. */
    record Queued(Key key, StoredAccess value, AccessBlock block, String subscriberId) {}

    private record Removal(Predicate<Key> keys, Predicate<StoredAccess> values) {
        boolean matches(Queued q) {
            return keys.test(q.key()) && values.test(q.value());
        }
    }

    private final Map<Key, StoredAccess> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    /** Guards {@link #queue} and the generation's increments, so that a put-and-queue is atomic. */
    private final Object queueLock = new Object();

    private final ArrayDeque<Queued> queue = new ArrayDeque<>();

    /**
     * Held from the write-behind's check of a batch until its transaction completes (released by a
     * synchronization, maybe on another thread: a semaphore, not a lock); guards {@link #removals}.
     */
    private final Semaphore flushGuard = new Semaphore(1);

    /** The removals since the write-behind took its current batch; null when it writes none. */
    private List<Removal> removals;

    @Inject
    PrecomputedAccessWriteBehind writeBehind;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /**
     * The triple's stored access valid after {@code validAfter}, from memory or else from {@code
     * loader} (a hit asks here directly, without the EJB hop of {@link PrecomputedAccessStore#find}).
     */
    public StoredAccess find(
            String terminalId, String contentId, String keyId, Instant validAfter, Supplier<StoredAccess> loader) {
        Key key = new Key(terminalId, contentId, keyId);
        StoredAccess cached = entries.get(key);
        if (cached != null && cached.expiresAt().isAfter(validAfter)) {
            return copy(cached);
        }
        long loadedUnder = generation.get();
        StoredAccess loaded = loader.get();
        if (loaded != null && generation.get() == loadedUnder) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(key, copy(loaded));
            if (generation.get() != loadedUnder) {
                entries.remove(key);
            }
        }
        return loaded;
    }

    /** Where the removals stand: pass it to {@link #putAndQueue} after computing a block. */
    long generation() {
        return generation.get();
    }

    /**
     * A block computed on a miss: cached at once and queued for the table, unless a removal came
     * since {@code seenGeneration} (then neither: the caller stores it itself, as before).
     *
     * @return false if a removal came in between
     */
    boolean putAndQueue(AccessBlock block, String subscriberId, StoredAccess value, long seenGeneration) {
        Key key = new Key(block.terminalId(), block.contentId(), block.keyId());
        synchronized (queueLock) {
            if (generation.get() != seenGeneration) {
                return false;
            }
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(key, copy(value));
            if (queue.size() < MAX_QUEUED) {
                queue.add(new Queued(key, copy(value), block, subscriberId));
            }
        }
        if (writeBehind != null) {
            writeBehind.wake();
        }
        return true;
    }

    /** How many blocks wait for the table. */
    int queued() {
        synchronized (queueLock) {
            return queue.size();
        }
    }

    /**
     * The write-behind takes up to {@code max} queued blocks; from now on the removals are kept for
     * {@link #confirmFlush} until {@link #endFlush}.
     */
    List<Queued> beginFlush(int max) {
        flushGuard.acquireUninterruptibly();
        try {
            removals = new ArrayList<>();
            List<Queued> batch = new ArrayList<>();
            synchronized (queueLock) {
                Queued q;
                while (batch.size() < max && (q = queue.poll()) != null) {
                    batch.add(q);
                }
            }
            return batch;
        } finally {
            flushGuard.release();
        }
    }

    /**
     * Called in the batch's transaction once its rows are written, just before it commits: holds
     * back every removal until that transaction completes ({@link #releaseFlush} from its
     * synchronization lets them go) and answers which blocks of the batch a removal since {@link
     * #beginFlush} matched: the caller deletes their rows in the same transaction.
     */
    List<Queued> confirmFlush(List<Queued> written) {
        flushGuard.acquireUninterruptibly();
        List<Queued> matched = new ArrayList<>();
        List<Removal> since = removals == null ? List.of() : removals;
        for (Queued q : written) {
            if (since.stream().anyMatch(r -> r.matches(q))) {
                matched.add(q);
            }
        }
        return matched;
    }

    /** The batch's transaction completed: the removals held back by {@link #confirmFlush} go on. */
    void releaseFlush() {
        flushGuard.release();
    }

    /** The write-behind has written (or given up) its batch. */
    void endFlush() {
        flushGuard.acquireUninterruptibly();
        try {
            removals = null;
        } finally {
            flushGuard.release();
        }
    }

    /** Removes the entries now and again after the current transaction (if any) completes. */
    void remove(Predicate<Key> keys, Predicate<StoredAccess> values) {
        evict(keys, values);
        // a batch being written checks this removal before it commits, or this one waits for it
        flushGuard.acquireUninterruptibly();
        try {
            if (removals != null) {
                removals.add(new Removal(keys, values));
            }
        } finally {
            flushGuard.release();
        }
        if (transactions != null && transactions.getTransactionKey() != null) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {}

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        evict(keys, values);
                    }
                }
            });
        }
    }

    void clear() {
        synchronized (queueLock) {
            generation.incrementAndGet();
            entries.clear();
            queue.clear();
        }
    }

    int size() {
        return entries.size();
    }

    private void evict(Predicate<Key> keys, Predicate<StoredAccess> values) {
        synchronized (queueLock) {
            generation.incrementAndGet();
            entries.entrySet().removeIf(e -> keys.test(e.getKey()) && values.test(e.getValue()));
            queue.removeIf(q -> keys.test(q.key()) && values.test(q.value()));
        }
    }

    // rows the database removes by cascade (a terminal, subscriber or content deleted): the issuer
    // refuses them anyway (unknown terminal or content), these only free the memory
    void terminalRemoved(@Observes(during = TransactionPhase.AFTER_SUCCESS) TerminalRemoved e) {
        evict(k -> k.terminalId().equals(e.terminalId()), v -> true);
    }

    void subscriberRemoved(@Observes(during = TransactionPhase.AFTER_SUCCESS) SubscriberRemoved e) {
        clear();
    }

    void catalogueChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) CatalogueChanged e) {
        if (e.removedContentId() != null) {
            evict(k -> k.contentId().equals(e.removedContentId()), v -> true);
        }
    }

    private static StoredAccess copy(StoredAccess a) {
        return a.grantKey() == null
                ? a
                : new StoredAccess(a.accessBlock(), a.grantKey().clone(), a.expiresAt(), a.signingKeyId());
    }
}

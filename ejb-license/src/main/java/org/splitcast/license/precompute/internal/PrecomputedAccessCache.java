package org.splitcast.license.precompute.internal;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;
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
 */
@ApplicationScoped
public class PrecomputedAccessCache {

    /** Above this many entries the map is cleared (the table answers meanwhile). */
    static final int MAX_ENTRIES = 200_000;

    record Key(String terminalId, String contentId, String keyId) {}

    private final Map<Key, StoredAccess> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

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

    /** Removes the entries now and again after the current transaction (if any) completes. */
    void remove(Predicate<Key> keys, Predicate<StoredAccess> values) {
        evict(keys, values);
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
        generation.incrementAndGet();
        entries.clear();
    }

    int size() {
        return entries.size();
    }

    private void evict(Predicate<Key> keys, Predicate<StoredAccess> values) {
        generation.incrementAndGet();
        entries.entrySet().removeIf(e -> keys.test(e.getKey()) && values.test(e.getValue()));
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

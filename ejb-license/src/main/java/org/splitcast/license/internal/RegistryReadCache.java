package org.splitcast.license.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.splitcast.registry.content.ContentRecord;
import org.splitcast.registry.entitlement.EntitlementDirectory.Period;
import org.splitcast.registry.events.CatalogueChanged;
import org.splitcast.registry.events.ContentKeyRotated;
import org.splitcast.registry.events.EntitlementsChanged;
import org.splitcast.registry.events.SubscriberRemoved;
import org.splitcast.registry.events.TerminalRemoved;
import org.splitcast.registry.events.TerminalRevoked;
import org.splitcast.registry.terminal.TerminalRecord;

/**
 * The registry reads of a license request (issue 12), kept in memory on this node: the terminal,
 * the content with its current key id, the validity periods of the subscriber's entitlements to the
 * content, and the grant key Km of an AES terminal (derived from its KT). A hit then reads nothing
 * from the database.
 *
 * <p>Every entry is dropped by the registry's domain event that changes it, observed {@code
 * AFTER_SUCCESS}: the change is committed, and the call that made it has not yet returned to its
 * client, so a revoked terminal, a rotated content key, a revoked entitlement or a removed
 * subscriber is refused by the very next request. A load that raced with such a change (it read
 * the database before the commit, and would put the old value back after the eviction) is not
 * kept: every eviction advances a generation, and a value loaded under an older generation is
 * dropped. Entitlements are kept as periods, not as a yes/no answer, so that one that lapses (its
 * {@code validUntil} passes) is refused at that instant with no event at all. Nothing negative is
 * kept: an unknown terminal or content is looked up again each time.
 *
 * <p>Only positive facts that the events cover are kept: the content's access rules cannot change
 * (no operation updates them) and a terminal's key never changes while it exists.
 */
@ApplicationScoped
public class RegistryReadCache {

    private static final Logger LOG = Logger.getLogger(RegistryReadCache.class);

    /** Above this many entries in one map, it is cleared (everyone loads again once). */
    static final int MAX_ENTRIES = 200_000;

    private final AtomicLong generation = new AtomicLong();
    private final Map<String, TerminalRecord> terminals = new ConcurrentHashMap<>();
    private final Map<String, ContentRecord> contents = new ConcurrentHashMap<>();
    /** subscriber id -> content id -> periods. */
    private final Map<String, Map<String, List<Period>>> entitlements = new ConcurrentHashMap<>();
    /** terminal id -> Km (AES terminals only). */
    private final Map<String, byte[]> grantKeys = new ConcurrentHashMap<>();

    public Optional<TerminalRecord> terminal(String terminalId, Supplier<Optional<TerminalRecord>> loader) {
        return Optional.ofNullable(
                cached(terminals, terminalId, () -> loader.get().orElse(null)));
    }

    public Optional<ContentRecord> content(String contentId, Supplier<Optional<ContentRecord>> loader) {
        return Optional.ofNullable(
                cached(contents, contentId, () -> loader.get().orElse(null)));
    }

    public List<Period> entitlementPeriods(String subscriberId, String contentId, Supplier<List<Period>> loader) {
        Map<String, List<Period>> bySubscriber = entitlements.get(subscriberId);
        List<Period> periods = bySubscriber == null ? null : bySubscriber.get(contentId);
        if (periods != null) {
            return periods;
        }
        long loadedUnder = generation.get();
        periods = List.copyOf(loader.get());
        if (generation.get() == loadedUnder) {
            if (entitlements.size() >= MAX_ENTRIES) {
                entitlements.clear();
            }
            Map<String, List<Period>> map = entitlements.computeIfAbsent(subscriberId, k -> new ConcurrentHashMap<>());
            map.put(contentId, periods);
            if (generation.get() != loadedUnder) {
                map.remove(contentId, periods);
            }
        }
        return periods;
    }

    /** A copy of the terminal's Km (the caller wipes it). */
    public byte[] grantKey(String terminalId, Supplier<byte[]> loader) {
        byte[] key = cached(grantKeys, terminalId, loader);
        return key == null ? null : key.clone();
    }

    private <V> V cached(Map<String, V> map, String key, Supplier<V> loader) {
        if (key == null) {
            return null;
        }
        V value = map.get(key);
        if (value != null) {
            return value;
        }
        long loadedUnder = generation.get();
        value = loader.get();
        if (value != null && generation.get() == loadedUnder) {
            if (map.size() >= MAX_ENTRIES) {
                map.clear();
            }
            map.put(key, value);
            // an eviction between the check and the put: do not keep what it meant to drop
            if (generation.get() != loadedUnder) {
                map.remove(key, value);
            }
        }
        return value;
    }

    // --- evictions: the generation first, then the entries -------------------------------------

    void terminalRevoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) TerminalRevoked e) {
        evictTerminal(e.terminalId());
    }

    void terminalRemoved(@Observes(during = TransactionPhase.AFTER_SUCCESS) TerminalRemoved e) {
        evictTerminal(e.terminalId());
    }

    void subscriberRemoved(@Observes(during = TransactionPhase.AFTER_SUCCESS) SubscriberRemoved e) {
        generation.incrementAndGet();
        terminals.values().removeIf(t -> e.subscriberId().equals(t.subscriberId()));
        grantKeys.keySet().removeIf(id -> !terminals.containsKey(id));
        entitlements.remove(e.subscriberId());
        LOG.debugf("Subscriber %s removed: cached registry reads dropped", e.subscriberId());
    }

    void entitlementsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) EntitlementsChanged e) {
        generation.incrementAndGet();
        entitlements.remove(e.subscriberId());
    }

    void catalogueChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) CatalogueChanged e) {
        // a content removed, a package's contents changed: entitlements through packages change too
        generation.incrementAndGet();
        contents.clear();
        entitlements.clear();
    }

    void contentKeyRotated(@Observes(during = TransactionPhase.AFTER_SUCCESS) ContentKeyRotated e) {
        generation.incrementAndGet();
        contents.remove(e.contentId());
    }

    private void evictTerminal(String terminalId) {
        generation.incrementAndGet();
        terminals.remove(terminalId);
        // not wiped: a request may be copying it at this moment (it is only unreachable now)
        grantKeys.remove(terminalId);
    }

    /** Drops everything (tests, and an operator who changed the database by hand). */
    public void clear() {
        generation.incrementAndGet();
        terminals.clear();
        contents.clear();
        entitlements.clear();
        grantKeys.clear();
    }
}

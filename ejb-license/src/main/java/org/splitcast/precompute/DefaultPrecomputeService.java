package org.splitcast.precompute;

import jakarta.ejb.EJB;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.splitcast.content.Content;
import org.splitcast.content.ContentKey;
import org.splitcast.entitlement.EntitlementService;
import org.splitcast.error.UnknownEntityException;
import org.splitcast.subscriber.Subscriber;
import org.splitcast.terminal.Terminal;
import org.splitcast.terminal.TerminalStatus;

/**
 * {@link PrecomputeService}: step 126 for one subscriber and a list of contents, through the same
 * {@link AccessComputation} that serves a miss.
 */
@Stateless
@LocalBean
public class DefaultPrecomputeService implements PrecomputeService {

    private static final Logger LOG = Logger.getLogger(DefaultPrecomputeService.class);

    @PersistenceContext
    EntityManager em;

    @EJB
    EntitlementService entitlements;

    @EJB
    PrecomputedAccessStore store;

    @EJB
    AccessComputation computation;

    @Inject
    @ConfigProperty(name = "splitcast.license.min-access-remaining", defaultValue = "PT5M")
    Duration minRemaining;

    @Override
    public PrecomputeReport precompute(String subscriberId, List<String> contentIds) throws UnknownEntityException {
        return precompute(subscriberId, contentIds, ItemBudget.UNLIMITED);
    }

    /**
     * Step 126 within a budget (the timer's run): stops at the first access block the budget
     * refuses, leaving the rest for later; {@link PrecomputeReport#computed()} says how far it got.
     * Outside any transaction: each stored block commits on its own (the store's), and the run's
     * pacing never holds a transaction open.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public PrecomputeReport precomputeWithin(String subscriberId, List<String> contentIds, ItemBudget budget)
            throws UnknownEntityException {
        return precompute(subscriberId, contentIds, budget);
    }

    private PrecomputeReport precompute(String subscriberId, List<String> contentIds, ItemBudget budget)
            throws UnknownEntityException {
        long started = System.nanoTime();
        if (em.find(Subscriber.class, subscriberId) == null) {
            throw new UnknownEntityException("subscriber", subscriberId);
        }
        List<Terminal> terminals = em.createNamedQuery("Terminal.findBySubscriber", Terminal.class)
                .setParameter("subscriberId", subscriberId)
                .getResultStream()
                .filter(t -> t.status() == TerminalStatus.ACTIVE)
                .toList();
        Instant now = Instant.now();
        List<String> notEntitled = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        int computed = 0;
        int alreadyStored = 0;
        boolean complete = true;
        contents:
        for (String contentId : new LinkedHashSet<>(contentIds)) {
            Content content = contentId == null ? null : em.find(Content.class, contentId);
            if (content == null) {
                unknown.add(contentId);
                continue;
            }
            if (!entitlements.isEntitled(subscriberId, contentId, now)) {
                notEntitled.add(contentId);
                continue;
            }
            ContentKey key = em.createNamedQuery("ContentKey.findCurrentForContents", ContentKey.class)
                    .setParameter("contentIds", List.of(contentId))
                    .getSingleResult();
            for (Terminal terminal : terminals) {
                if (store.find(terminal.id(), contentId, key.keyId(), now.plus(minRemaining))
                        .isPresent()) {
                    alreadyStored++;
                } else if (budget.tryTake()) {
                    computation.computeAndStore(terminal, content, key, "precompute", Instant.now());
                    computed++;
                } else {
                    complete = false;
                    break contents;
                }
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.debugf(
                "Precomputed %d access blocks for subscriber %s (%d already stored) in %d ms",
                computed, subscriberId, alreadyStored, millis);
        return new PrecomputeReport(
                subscriberId, terminals.size(), computed, alreadyStored, notEntitled, unknown, complete, millis);
    }

    @Override
    public long storeSize() {
        return store.size();
    }

    @Override
    public Set<String> precomputedContents(String terminalId, Collection<String> contentIds) {
        if (contentIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(em.createQuery(
                        "select a.contentId from PrecomputedAccess a where a.terminalId = :terminalId"
                                + " and a.contentId in :contentIds and a.expiresAt > :validAfter"
                                + " and a.keyId in (select k.keyId from ContentKey k"
                                + " where k.contentId = a.contentId and k.retiredAt is null)",
                        String.class)
                .setParameter("terminalId", terminalId)
                .setParameter("contentIds", Set.copyOf(contentIds))
                .setParameter("validAfter", Instant.now().plus(minRemaining))
                .getResultList());
    }

    @Override
    public long storedFor(String terminalId) {
        return store.sizeFor(terminalId);
    }

    @Override
    public int purgeExpired() {
        return store.deleteExpired(Instant.now());
    }
}

package org.splitcast.license.precompute.internal;

import static org.splitcast.registry.account.Role.OPERATOR_ROLE;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.splitcast.error.UnknownEntityException;
import org.splitcast.license.precompute.PrecomputeReport;
import org.splitcast.license.precompute.PrecomputeService;
import org.splitcast.registry.content.ContentDirectory;
import org.splitcast.registry.content.ContentRecord;
import org.splitcast.registry.entitlement.EntitlementDirectory;
import org.splitcast.registry.subscriber.SubscriberDirectory;
import org.splitcast.registry.terminal.TerminalDirectory;
import org.splitcast.registry.terminal.TerminalRecord;

/**
 * {@link PrecomputeService}: step 126 for one subscriber and a list of contents, through the same
 * {@link AccessComputation} that serves a miss.
 */
@Stateless
@RolesAllowed(OPERATOR_ROLE)
public class DefaultPrecomputeService implements PrecomputeService, AccessPrecomputer {

    private static final Logger LOG = Logger.getLogger(DefaultPrecomputeService.class);

    @EJB
    SubscriberDirectory subscribers;

    @EJB
    TerminalDirectory terminalDirectory;

    @EJB
    ContentDirectory contents;

    @EJB
    EntitlementDirectory entitlements;

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
     * Outside any transaction: each stored block commits on its own (the store's), and the run's
     * pacing never holds a transaction open.
     */
    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public PrecomputeReport precomputeWithin(String subscriberId, List<String> contentIds, ItemBudget budget)
            throws UnknownEntityException {
        return precompute(subscriberId, contentIds, budget);
    }

    private PrecomputeReport precompute(String subscriberId, List<String> contentIds, ItemBudget budget)
            throws UnknownEntityException {
        long started = System.nanoTime();
        if (!subscribers.exists(subscriberId)) {
            throw new UnknownEntityException("subscriber", subscriberId);
        }
        List<TerminalRecord> terminals = terminalDirectory.findBySubscriber(subscriberId).stream()
                .filter(TerminalRecord::isActive)
                .toList();
        Instant now = Instant.now();
        List<String> notEntitled = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        int computed = 0;
        int alreadyStored = 0;
        boolean complete = true;
        contents:
        for (String contentId : new LinkedHashSet<>(contentIds)) {
            ContentRecord content = contents.find(contentId).orElse(null);
            if (content == null || content.currentKeyId() == null) {
                unknown.add(contentId);
                continue;
            }
            if (!entitlements.isEntitled(subscriberId, contentId, now)) {
                notEntitled.add(contentId);
                continue;
            }
            String keyId = content.currentKeyId();
            for (TerminalRecord terminal : terminals) {
                if (store.find(terminal.id(), contentId, keyId, now.plus(minRemaining))
                        .isPresent()) {
                    alreadyStored++;
                } else if (budget.tryTake()) {
                    computation.computeAndStore(terminal, content, keyId, "precompute", Instant.now());
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
    public long storedFor(String terminalId) {
        return store.sizeFor(terminalId);
    }

    @Override
    public int purgeExpired() {
        return store.deleteExpired(Instant.now());
    }
}

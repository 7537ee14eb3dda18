package org.splitcast.activity;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.splitcast.common.Timestamps;
import org.splitcast.content.Content;
import org.splitcast.error.UnknownEntityException;
import org.splitcast.precompute.PrecomputedAccessStore;
import org.splitcast.recommendation.DefaultRecommendationEngine;
import org.splitcast.subscriber.Subscriber;
import org.splitcast.terminal.Terminal;

/** {@link ActivityService}: the events of step 112, in one transaction per batch. */
@Stateless
public class DefaultActivityService implements ActivityService {

    private static final Logger LOG = Logger.getLogger(DefaultActivityService.class);

    @PersistenceContext
    EntityManager em;

    @EJB
    ActiveUsers activeUsers;

    @EJB
    PrecomputedAccessStore store;

    @EJB
    DefaultRecommendationEngine recommendations;

    @Override
    public ActivityReport apply(ActivityEvents events) throws UnknownEntityException {
        Instant now = Timestamps.now();
        // check every id first: a batch is applied whole or not at all
        for (String id : events.newSubscribers()) {
            if (em.find(Subscriber.class, id) == null) {
                throw new UnknownEntityException("subscriber", id);
            }
        }
        Map<String, Terminal> terminals = new LinkedHashMap<>();
        List<String> accessTerminals = events.accessedContents().stream()
                .map(ActivityEvents.AccessedContent::terminalId)
                .toList();
        for (String id : concat(events.newTerminals(), accessTerminals)) {
            Terminal terminal = em.find(Terminal.class, id);
            if (terminal == null) {
                throw new UnknownEntityException("terminal", id);
            }
            terminals.put(id, terminal);
        }
        for (ActivityEvents.AccessedContent access : events.accessedContents()) {
            if (em.find(Content.class, access.contentId()) == null) {
                throw new UnknownEntityException("content", access.contentId());
            }
        }

        Set<String> activated = new LinkedHashSet<>();
        for (String id : events.newSubscribers()) {
            activeUsers.activate(id, ActivityReason.NEW_SUBSCRIBER, now);
            activated.add(id);
        }
        for (String id : events.newTerminals()) {
            String subscriberId = terminals.get(id).subscriberId();
            activeUsers.activate(subscriberId, ActivityReason.NEW_TERMINAL, now);
            activated.add(subscriberId);
        }
        int recorded = 0;
        for (ActivityEvents.AccessedContent access : events.accessedContents()) {
            Terminal terminal = terminals.get(access.terminalId());
            em.persist(new ContentAccess(
                    UUID.randomUUID().toString(), terminal.subscriberId(), terminal.id(), access.contentId(), now));
            activeUsers.activate(terminal.subscriberId(), ActivityReason.ACCESS, now);
            recommendations.viewed(terminal.subscriberId(), terminal.id(), access.contentId(), now);
            activated.add(terminal.subscriberId());
            recorded++;
        }
        int deactivated = 0;
        int dropped = 0;
        for (String id : new LinkedHashSet<>(events.removedSubscribers())) {
            if (activeUsers.remove(id, now)) {
                deactivated++;
            }
            dropped += store.deleteForSubscriber(id);
            activated.remove(id);
        }
        for (String id : new LinkedHashSet<>(events.removedTerminals())) {
            dropped += store.deleteForTerminal(id);
        }
        long waiting = activeUsers.count();
        LOG.debugf(
                "Events: %d subscribers activated, %d deactivated, %d accesses, %d access blocks dropped",
                activated.size(), deactivated, recorded, dropped);
        return new ActivityReport(activated.size(), deactivated, recorded, dropped, waiting);
    }

    @Override
    public List<ActiveUserView> waiting(int offset, int limit) {
        return activeUsers.oldest(offset, limit).stream()
                .map(a -> new ActiveUserView(a.subscriberId(), a.reason(), a.since(), a.lastEventAt()))
                .toList();
    }

    @Override
    public long waitingCount() {
        return activeUsers.count();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}

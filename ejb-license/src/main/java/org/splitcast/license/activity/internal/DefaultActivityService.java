package org.splitcast.license.activity.internal;

import static org.splitcast.registry.account.Role.INTEGRATOR_ROLE;
import static org.splitcast.registry.account.Role.OPERATOR_ROLE;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
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
import org.splitcast.error.UnknownEntityException;
import org.splitcast.license.activity.ActiveUserView;
import org.splitcast.license.activity.ActivityEvents;
import org.splitcast.license.activity.ActivityReason;
import org.splitcast.license.activity.ActivityReport;
import org.splitcast.license.activity.ActivityService;
import org.splitcast.license.activity.ContentAccessReported;
import org.splitcast.license.precompute.internal.PrecomputedAccessStore;
import org.splitcast.registry.content.ContentDirectory;
import org.splitcast.registry.subscriber.SubscriberDirectory;
import org.splitcast.registry.terminal.TerminalDirectory;
import org.splitcast.registry.terminal.TerminalRecord;

/** {@link ActivityService}: the events of step 112, in one transaction per batch. */
@Stateless
@RolesAllowed({OPERATOR_ROLE, INTEGRATOR_ROLE})
public class DefaultActivityService implements ActivityService {

    private static final Logger LOG = Logger.getLogger(DefaultActivityService.class);

    @PersistenceContext
    EntityManager em;

    @EJB
    ActiveUsers activeUsers;

    @EJB
    PrecomputedAccessStore store;

    @EJB
    SubscriberDirectory subscribers;

    @EJB
    TerminalDirectory terminalDirectory;

    @EJB
    ContentDirectory contents;

    @Inject
    Event<ContentAccessReported> accessReported;

    @Override
    public ActivityReport apply(ActivityEvents events) throws UnknownEntityException {
        Instant now = Timestamps.now();
        // check every id first: a batch is applied whole or not at all
        for (String id : events.newSubscribers()) {
            if (!subscribers.exists(id)) {
                throw new UnknownEntityException("subscriber", id);
            }
        }
        Map<String, TerminalRecord> terminals = new LinkedHashMap<>();
        List<String> accessTerminals = events.accessedContents().stream()
                .map(ActivityEvents.AccessedContent::terminalId)
                .toList();
        for (String id : concat(events.newTerminals(), accessTerminals)) {
            terminals.put(id, terminalDirectory.find(id).orElseThrow(() -> new UnknownEntityException("terminal", id)));
        }
        for (ActivityEvents.AccessedContent access : events.accessedContents()) {
            if (contents.find(access.contentId()).isEmpty()) {
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
            TerminalRecord terminal = terminals.get(access.terminalId());
            em.persist(new ContentAccess(
                    UUID.randomUUID().toString(), terminal.subscriberId(), terminal.id(), access.contentId(), now));
            activeUsers.activate(terminal.subscriberId(), ActivityReason.ACCESS, now);
            accessReported.fire(
                    new ContentAccessReported(terminal.subscriberId(), terminal.id(), access.contentId(), now));
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
    @RolesAllowed(OPERATOR_ROLE)
    public List<ActiveUserView> waiting(int offset, int limit) {
        return activeUsers.oldest(offset, limit).stream()
                .map(a -> new ActiveUserView(a.subscriberId(), a.reason(), a.since(), a.lastEventAt()))
                .toList();
    }

    @Override
    @RolesAllowed(OPERATOR_ROLE)
    public long waitingCount() {
        return activeUsers.count();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}

package org.splitcast.license.activity.internal;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Transactional;
import org.splitcast.license.activity.ActivityReason;
import org.splitcast.registry.events.SubscriberCreated;
import org.splitcast.registry.events.TerminalRegistered;

/**
 * Step 112 for the registry's own operations: a new subscriber and the subscriber of a new
 * terminal join the active list, once the registration has committed (each in a transaction of
 * its own), so that a registration that rolls back puts nobody on the list. Licenses join it
 * through the precompute run's sweep of the license history, integrators' reports through {@link
 * DefaultActivityService}.
 */
@ApplicationScoped
// after the commit the finished transaction is still on the thread: each notification gets its own
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class ActivityEventsObserver {

    @EJB
    ActiveUsers activeUsers;

    void subscriberCreated(@Observes(during = TransactionPhase.AFTER_SUCCESS) SubscriberCreated e) {
        activeUsers.activate(e.subscriberId(), ActivityReason.NEW_SUBSCRIBER, e.at());
    }

    void terminalRegistered(@Observes(during = TransactionPhase.AFTER_SUCCESS) TerminalRegistered e) {
        activeUsers.activate(e.subscriberId(), ActivityReason.NEW_TERMINAL, e.at());
    }
}

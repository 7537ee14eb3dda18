package org.splitcast.license.precompute.internal;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.splitcast.registry.events.ContentKeyRotated;
import org.splitcast.registry.events.TerminalRevoked;

/**
 * Drops precomputed access blocks that can no longer be used, once the change that made them
 * useless has committed: a revoked terminal's, and those of a content's previous key. (A removed
 * terminal, subscriber or content takes its rows with it in the database.) The issuer never serves
 * them meanwhile: it refuses a revoked terminal first, and looks blocks up by the current key id.
 */
@ApplicationScoped
// after the commit the finished transaction is still on the thread: each notification gets its own
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class StoreEventsObserver {

    private static final Logger LOG = Logger.getLogger(StoreEventsObserver.class);

    @EJB
    PrecomputedAccessStore store;

    void terminalRevoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) TerminalRevoked e) {
        int dropped = store.deleteForTerminal(e.terminalId());
        LOG.debugf("Terminal %s revoked: %d precomputed access blocks dropped", e.terminalId(), dropped);
    }

    void contentKeyRotated(@Observes(during = TransactionPhase.AFTER_SUCCESS) ContentKeyRotated e) {
        int dropped = store.deleteForContentExceptKey(e.contentId(), e.newKeyId());
        LOG.debugf("Content %s has key %s: %d precomputed access blocks dropped", e.contentId(), e.newKeyId(), dropped);
    }
}

package org.splitcast.session.live.internal;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;
import org.splitcast.registry.events.TerminalRemoved;
import org.splitcast.registry.events.TerminalRevoked;

/**
 * A terminal revoked (or removed) in the registry leaves every live group (claim 6/8: it cannot
 * read what follows, from the next key period or at once per the channel's policy) and its open
 * sessions end. Observed after the registry's transaction commits: a rolled-back revocation
 * changes nothing.
 */
@ApplicationScoped
public class LiveRevocations {

    private static final Logger LOG = Logger.getLogger(LiveRevocations.class);

    @EJB
    LiveChannels channels;

    @EJB
    LiveStore store;

    void revoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) TerminalRevoked e) {
        end(e.terminalId(), "REVOKED");
    }

    void removed(@Observes(during = TransactionPhase.AFTER_SUCCESS) TerminalRemoved e) {
        end(e.terminalId(), "REVOKED");
    }

    private void end(String terminalId, String reason) {
        int members = channels.revokeTerminal(terminalId);
        List<String> sessions = store.endSessionsOfTerminal(terminalId, reason, Instant.now());
        if (members > 0 || !sessions.isEmpty()) {
            LOG.infof(
                    "Terminal %s %s: removed from %d live group membership(s), %d session(s) ended",
                    terminalId, reason.toLowerCase(java.util.Locale.ROOT), members, sessions.size());
        }
    }
}

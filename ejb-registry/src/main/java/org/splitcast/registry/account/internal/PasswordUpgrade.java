package org.splitcast.registry.account.internal;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.jboss.logging.Logger;

/**
 * Re-hashes a password at the configured Argon2id cost when its owner logs in with a hash made at
 * another cost (after {@code splitcast.auth.argon2.*} changed), in a transaction of its own so that
 * authentication itself stays read-only.
 */
@Stateless
public class PasswordUpgrade {

    private static final Logger LOG = Logger.getLogger(PasswordUpgrade.class);

    @PersistenceContext
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void replaceHash(String username, String newHash) {
        Account account = em.find(Account.class, username);
        if (account != null) {
            account.changePasswordHash(newHash);
            LOG.debugf("Password hash of %s upgraded to the configured cost", username);
        }
    }
}

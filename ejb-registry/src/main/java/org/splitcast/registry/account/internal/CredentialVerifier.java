package org.splitcast.registry.account.internal;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.splitcast.registry.account.Caller;

/**
 * The Argon2id check of a login against its account's hash, remembered in the {@link
 * CredentialCache} when it succeeds: run on the request path when no cache entry answers, and in
 * the background to renew a stale entry.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.SUPPORTS) // no connection held while hashing
public class CredentialVerifier {

    private static final Logger LOG = Logger.getLogger(CredentialVerifier.class);

    @PersistenceContext
    EntityManager em;

    @Inject
    Passwords passwords;

    @EJB
    CredentialCache cache;

    @EJB
    PasswordUpgrade upgrade;

    public Optional<Caller> verify(String username, char[] password) {
        Account account = em.find(Account.class, username);
        if (account == null) {
            passwords.verifyNothing(password);
            LOG.debugf("Authentication failed: no account %s", username);
            return Optional.empty();
        }
        if (!passwords.verify(password, account.passwordHash())) {
            LOG.debugf("Authentication failed: wrong password for %s", username);
            return Optional.empty();
        }
        if (passwords.needsRehash(account.passwordHash())) {
            upgrade.replaceHash(username, passwords.hash(password));
        }
        Caller caller = account.toCaller();
        cache.remember(caller, password);
        return Optional.of(caller);
    }
}

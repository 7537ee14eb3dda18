package org.splitcast.registry.account.internal;

import static org.splitcast.registry.account.Role.OPERATOR_ROLE;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.splitcast.common.Timestamps;
import org.splitcast.error.DuplicateEntityException;
import org.splitcast.error.ErrorCode;
import org.splitcast.error.InvalidRequestException;
import org.splitcast.error.UnknownEntityException;
import org.splitcast.registry.account.AccountService;
import org.splitcast.registry.account.AccountView;
import org.splitcast.registry.account.Caller;
import org.splitcast.registry.account.NewAccount;
import org.splitcast.registry.account.Role;

/** {@link AccountService} on the {@code account} table, with the {@link CredentialCache} in front. */
@Stateless
@RolesAllowed(OPERATOR_ROLE)
public class DefaultAccountService implements AccountService {

    private static final Logger LOG = Logger.getLogger(DefaultAccountService.class);

    @PersistenceContext
    EntityManager em;

    @Inject
    Passwords passwords;

    @EJB
    CredentialCache cache;

    @EJB
    CredentialVerifier verifier;

    @Resource
    ManagedExecutorService executor;

    @PermitAll
    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS) // no connection held while hashing
    public Optional<Caller> authenticate(String username, char[] password) {
        if (username == null || password == null || username.length() > 64) {
            return Optional.empty();
        }
        Optional<CredentialCache.Hit> cached = cache.find(username, password);
        if (cached.isPresent()) {
            if (cached.get().refresh()) {
                reverifyInBackground(username, password);
            }
            return Optional.of(cached.get().caller());
        }
        return cache.verifyOnce(username, password, () -> verifier.verify(username, password));
    }

    /** Re-verifies a stale cache entry's credentials off the request path: renews or evicts it. */
    private void reverifyInBackground(String username, char[] password) {
        char[] copy = password.clone();
        try {
            executor.execute(() -> {
                try {
                    if (verifier.verify(username, copy).isEmpty()) {
                        cache.evict(username);
                    }
                } finally {
                    Arrays.fill(copy, '\0');
                }
            });
        } catch (RuntimeException e) {
            // no thread for it: the entry expires, and a request verifies (once) then
            Arrays.fill(copy, '\0');
            LOG.debugf("Background re-verification of %s not started: %s", username, e.getMessage());
        }
    }

    @PermitAll
    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Caller> authenticateCached(String username, char[] password) {
        if (username == null || password == null || username.length() > 64) {
            return Optional.empty();
        }
        return cache.lookup(username, password);
    }

    @PermitAll
    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Caller> caller(String username) {
        return Optional.ofNullable(em.find(Account.class, username)).map(Account::toCaller);
    }

    @Override
    public AccountView create(NewAccount request) throws DuplicateEntityException {
        if (em.find(Account.class, request.username()) != null) {
            throw new DuplicateEntityException("account", "username", request.username());
        }
        Role role = Role.valueOf(request.role().toUpperCase(Locale.ROOT));
        Account account = new Account(
                request.username(), passwords.hash(request.password().toCharArray()), role, null, Timestamps.now());
        em.persist(account);
        LOG.infof("Account %s created with role %s", account.username(), role.roleName());
        return view(account);
    }

    @Override
    public List<AccountView> list() {
        return em.createNamedQuery("Account.findAll", Account.class)
                .getResultStream()
                .map(DefaultAccountService::view)
                .toList();
    }

    @Override
    public void delete(String username) throws UnknownEntityException, InvalidRequestException {
        Account account = em.find(Account.class, username);
        if (account == null) {
            throw new UnknownEntityException("account", username);
        }
        if (account.role() == Role.OPERATOR
                && em.createNamedQuery("Account.countByRole", Long.class)
                                .setParameter("role", Role.OPERATOR)
                                .getSingleResult()
                        == 1) {
            throw new InvalidRequestException(
                    ErrorCode.CONFLICT, "The last operator account cannot be deleted: create another one first");
        }
        em.remove(account);
        cache.evict(username);
        LOG.infof("Account %s deleted", username);
    }

    @PermitAll
    @Override
    public boolean noAccounts() {
        return em.createNamedQuery("Account.countAll", Long.class).getSingleResult() == 0;
    }

    private static AccountView view(Account account) {
        return new AccountView(
                account.username(), account.role().roleName(), account.subscriberId(), account.createdAt());
    }
}

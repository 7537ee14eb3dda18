package org.splitcast.registry.subscriber.internal;

import static org.splitcast.registry.account.Role.INTEGRATOR_ROLE;
import static org.splitcast.registry.account.Role.OPERATOR_ROLE;
import static org.splitcast.registry.account.Role.SUBSCRIBER_ROLE;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.splitcast.common.Ids;
import org.splitcast.common.Page;
import org.splitcast.common.Timestamps;
import org.splitcast.error.AccessDeniedException;
import org.splitcast.error.DuplicateEntityException;
import org.splitcast.error.InvalidRequestException;
import org.splitcast.error.UnknownEntityException;
import org.splitcast.registry.account.Callers;
import org.splitcast.registry.account.Role;
import org.splitcast.registry.account.internal.Account;
import org.splitcast.registry.account.internal.CredentialCache;
import org.splitcast.registry.account.internal.Passwords;
import org.splitcast.registry.events.SubscriberCreated;
import org.splitcast.registry.events.SubscriberRemoved;
import org.splitcast.registry.subscriber.DemographicsData;
import org.splitcast.registry.subscriber.NewSubscriber;
import org.splitcast.registry.subscriber.SubscriberService;
import org.splitcast.registry.subscriber.SubscriberView;

/** {@link SubscriberService} on JPA. */
@Stateless
@RolesAllowed({OPERATOR_ROLE, INTEGRATOR_ROLE})
public class DefaultSubscriberService implements SubscriberService {

    private static final Logger LOG = Logger.getLogger(DefaultSubscriberService.class);
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    @PersistenceContext
    EntityManager em;

    @Inject
    Passwords passwords;

    @EJB
    CredentialCache credentials;

    @EJB
    Callers callers;

    @Inject
    Event<SubscriberCreated> created;

    @Inject
    Event<SubscriberRemoved> removed;

    @Override
    public SubscriberView create(NewSubscriber request) throws DuplicateEntityException, InvalidRequestException {
        DemographicsData d = request.demographics();
        if (!COUNTRIES.contains(d.country())) {
            throw InvalidRequestException.field(
                    "demographics.country", "'" + d.country() + "' is not an ISO 3166-1 code");
        }
        String id = Ids.orNew(request.id());
        if (em.find(Subscriber.class, id) != null) {
            throw new DuplicateEntityException("subscriber", "id", id);
        }
        if (em.find(Account.class, request.username()) != null) {
            throw new DuplicateEntityException("account", "username", request.username());
        }
        Instant now = Timestamps.now();
        Subscriber subscriber = new Subscriber(
                id, request.displayName().strip(), new Demographics(d.ageBand(), d.country(), d.category()), now);
        em.persist(subscriber);
        em.persist(new Account(
                request.username(),
                passwords.hash(request.password().toCharArray()),
                Role.SUBSCRIBER,
                subscriber,
                now));
        // step 112 (license server): a new subscriber is an active user; their segment serves them
        // until they watch
        created.fire(new SubscriberCreated(id, d, now));
        LOG.infof("Subscriber %s created (account %s)", id, request.username());
        return view(subscriber, request.username());
    }

    @Override
    @RolesAllowed({OPERATOR_ROLE, INTEGRATOR_ROLE, SUBSCRIBER_ROLE})
    public SubscriberView get(String id) throws UnknownEntityException, AccessDeniedException {
        callers.requireAccessToSubscriber(id);
        Subscriber subscriber = find(id);
        return view(subscriber, usernameOf(id));
    }

    @Override
    public Page<SubscriberView> list(int offset, int limit) {
        List<Subscriber> subscribers = em.createNamedQuery("Subscriber.findAll", Subscriber.class)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
        Map<String, String> usernames = subscribers.isEmpty()
                ? Map.of()
                : em.createQuery("select a from Account a where a.subscriber.id in :ids", Account.class)
                        .setParameter(
                                "ids", subscribers.stream().map(Subscriber::id).toList())
                        .getResultStream()
                        .collect(Collectors.toMap(Account::subscriberId, Account::username));
        long total = em.createNamedQuery("Subscriber.countAll", Long.class).getSingleResult();
        return new Page<>(
                subscribers.stream().map(s -> view(s, usernames.get(s.id()))).toList(), offset, limit, total);
    }

    @Override
    public void delete(String id) throws UnknownEntityException {
        Subscriber subscriber = find(id);
        // account, terminals and entitlements go with it (ON DELETE CASCADE); clear them from the
        // persistence context first so that no stale instance is flushed afterwards
        em.createQuery("delete from Account a where a.subscriber.id = :id")
                .setParameter("id", id)
                .executeUpdate();
        em.remove(subscriber);
        em.flush();
        credentials.evictSubscriber(id);
        removed.fire(new SubscriberRemoved(id, Timestamps.now()));
        LOG.infof("Subscriber %s deleted", id);
    }

    private Subscriber find(String id) throws UnknownEntityException {
        Subscriber subscriber = id == null ? null : em.find(Subscriber.class, id);
        if (subscriber == null) {
            throw new UnknownEntityException("subscriber", id);
        }
        return subscriber;
    }

    private String usernameOf(String subscriberId) {
        return em.createNamedQuery("Account.findBySubscriber", Account.class)
                .setParameter("subscriberId", subscriberId)
                .getResultStream()
                .findFirst()
                .map(Account::username)
                .orElse(null);
    }

    private static SubscriberView view(Subscriber s, String username) {
        Demographics d = s.demographics();
        return new SubscriberView(
                s.id(),
                s.displayName(),
                username,
                new DemographicsData(d.ageBand(), d.country(), d.category()),
                s.createdAt());
    }
}

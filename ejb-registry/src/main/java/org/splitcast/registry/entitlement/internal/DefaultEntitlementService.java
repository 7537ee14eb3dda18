package org.splitcast.registry.entitlement.internal;

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
import java.util.UUID;
import org.jboss.logging.Logger;
import org.splitcast.common.Timestamps;
import org.splitcast.error.AccessDeniedException;
import org.splitcast.error.InvalidRequestException;
import org.splitcast.error.UnknownEntityException;
import org.splitcast.registry.account.Callers;
import org.splitcast.registry.content.internal.Content;
import org.splitcast.registry.content.internal.ContentPackage;
import org.splitcast.registry.entitlement.EntitlementService;
import org.splitcast.registry.entitlement.EntitlementView;
import org.splitcast.registry.entitlement.NewEntitlement;
import org.splitcast.registry.events.EntitlementsChanged;
import org.splitcast.registry.subscriber.internal.Subscriber;

/** {@link EntitlementService} on JPA. */
@Stateless
@RolesAllowed({OPERATOR_ROLE, INTEGRATOR_ROLE})
public class DefaultEntitlementService implements EntitlementService {

    private static final Logger LOG = Logger.getLogger(DefaultEntitlementService.class);

    @PersistenceContext
    EntityManager em;

    @EJB
    Callers callers;

    @Inject
    Event<EntitlementsChanged> changed;

    @Override
    public EntitlementView grant(String subscriberId, NewEntitlement request)
            throws UnknownEntityException, InvalidRequestException {
        Subscriber subscriber = em.find(Subscriber.class, subscriberId);
        if (subscriber == null) {
            throw new UnknownEntityException("subscriber", subscriberId);
        }
        if ((request.contentId() == null) == (request.packageId() == null)) {
            throw new InvalidRequestException("give exactly one of contentId (a purchase) and packageId");
        }
        Instant now = Timestamps.now();
        Instant from = request.validFrom() == null ? now : request.validFrom();
        if (request.validUntil() != null && !request.validUntil().isAfter(from)) {
            throw InvalidRequestException.field("validUntil", "must be after validFrom");
        }
        String id = UUID.randomUUID().toString();
        Entitlement entitlement;
        if (request.contentId() != null) {
            Content content = em.find(Content.class, request.contentId());
            if (content == null) {
                throw new UnknownEntityException("content", request.contentId());
            }
            entitlement = Entitlement.purchase(id, subscriber, content, from, request.validUntil(), now);
        } else {
            ContentPackage contentPackage = em.find(ContentPackage.class, request.packageId());
            if (contentPackage == null) {
                throw new UnknownEntityException("package", request.packageId());
            }
            entitlement = Entitlement.ofPackage(id, subscriber, contentPackage, from, request.validUntil(), now);
        }
        em.persist(entitlement);
        em.flush();
        changed.fire(new EntitlementsChanged(subscriberId, now));
        LOG.infof(
                "Entitlement %s granted to subscriber %s: %s %s",
                id,
                subscriberId,
                entitlement.kind(),
                request.contentId() != null ? request.contentId() : request.packageId());
        return view(entitlement, now);
    }

    @Override
    @RolesAllowed({OPERATOR_ROLE, INTEGRATOR_ROLE, SUBSCRIBER_ROLE})
    public List<EntitlementView> listFor(String subscriberId) throws UnknownEntityException, AccessDeniedException {
        callers.requireAccessToSubscriber(subscriberId);
        if (em.find(Subscriber.class, subscriberId) == null) {
            throw new UnknownEntityException("subscriber", subscriberId);
        }
        Instant now = Timestamps.now();
        return em.createNamedQuery("Entitlement.findBySubscriber", Entitlement.class)
                .setParameter("subscriberId", subscriberId)
                .getResultStream()
                .map(e -> view(e, now))
                .toList();
    }

    @Override
    public void revoke(String subscriberId, String entitlementId) throws UnknownEntityException {
        Entitlement entitlement = entitlementId == null ? null : em.find(Entitlement.class, entitlementId);
        if (entitlement == null || !entitlement.subscriberId().equals(subscriberId)) {
            throw new UnknownEntityException("entitlement of subscriber " + subscriberId, entitlementId);
        }
        em.remove(entitlement);
        em.flush();
        changed.fire(new EntitlementsChanged(subscriberId, Timestamps.now()));
        LOG.infof("Entitlement %s of subscriber %s revoked", entitlementId, subscriberId);
    }

    private static EntitlementView view(Entitlement e, Instant now) {
        return new EntitlementView(
                e.id(),
                e.subscriberId(),
                e.kind(),
                e.contentId(),
                e.packageId(),
                e.validFrom(),
                e.validUntil(),
                e.validAt(now));
    }
}

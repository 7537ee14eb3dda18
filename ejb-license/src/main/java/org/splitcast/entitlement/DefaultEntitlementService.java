package org.splitcast.entitlement;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.splitcast.common.Timestamps;
import org.splitcast.content.Content;
import org.splitcast.content.ContentPackage;
import org.splitcast.error.InvalidRequestException;
import org.splitcast.error.UnknownEntityException;
import org.splitcast.recommendation.DefaultRecommendationEngine;
import org.splitcast.subscriber.Subscriber;

/** {@link EntitlementService} on JPA. */
@Stateless
public class DefaultEntitlementService implements EntitlementService {

    private static final Logger LOG = Logger.getLogger(DefaultEntitlementService.class);

    @PersistenceContext
    EntityManager em;

    @EJB
    DefaultRecommendationEngine recommendations;

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
            throw new InvalidRequestException("validUntil must be after validFrom");
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
        recommendations.entitlementsChanged(subscriberId);
        LOG.infof(
                "Entitlement %s granted to subscriber %s: %s %s",
                id,
                subscriberId,
                entitlement.kind(),
                request.contentId() != null ? request.contentId() : request.packageId());
        return view(entitlement, now);
    }

    @Override
    public List<EntitlementView> listFor(String subscriberId) throws UnknownEntityException {
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
        recommendations.entitlementsChanged(subscriberId);
        LOG.infof("Entitlement %s of subscriber %s revoked", entitlementId, subscriberId);
    }

    @Override
    public boolean isEntitled(String subscriberId, String contentId, Instant at) {
        return em.createNamedQuery("Entitlement.countValidFor", Long.class)
                        .setParameter("subscriberId", subscriberId)
                        .setParameter("contentId", contentId)
                        .setParameter("at", at)
                        .getSingleResult()
                > 0;
    }

    @Override
    public EntitlementCheck check(String subscriberId, String contentId, Instant at) {
        List<Entitlement> current = em.createNamedQuery("Entitlement.findValidFor", Entitlement.class)
                .setParameter("subscriberId", subscriberId)
                .setParameter("contentId", contentId)
                .setParameter("at", at)
                .getResultList();
        if (current.isEmpty()) {
            return new EntitlementCheck(false, null);
        }
        Instant until = null;
        for (Entitlement e : current) {
            if (e.validUntil() == null) {
                return new EntitlementCheck(true, null);
            }
            until = until == null || e.validUntil().isAfter(until) ? e.validUntil() : until;
        }
        return new EntitlementCheck(true, until);
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

package org.splitcast.license.recommendation.internal;

import static org.splitcast.registry.account.Role.INTEGRATOR_ROLE;
import static org.splitcast.registry.account.Role.OPERATOR_ROLE;
import static org.splitcast.registry.account.Role.SUBSCRIBER_ROLE;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.splitcast.error.AccessDeniedException;
import org.splitcast.error.UnknownEntityException;
import org.splitcast.license.recommendation.ModelStatus;
import org.splitcast.license.recommendation.RecommendationList;
import org.splitcast.license.recommendation.RecommendationService;
import org.splitcast.registry.account.Callers;

/** {@link RecommendationService}: the callers' rights in front of the {@link RecommendationEngine}. */
@Stateless
@RolesAllowed(OPERATOR_ROLE)
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class DefaultRecommendationService implements RecommendationService {

    @EJB
    Callers callers;

    @EJB
    RecommendationEngine engine;

    @Override
    @RolesAllowed({OPERATOR_ROLE, INTEGRATOR_ROLE, SUBSCRIBER_ROLE})
    public RecommendationList recommend(String subscriberId, String terminalId, int limit)
            throws UnknownEntityException, AccessDeniedException {
        callers.requireAccessToSubscriber(subscriberId);
        return engine.recommend(subscriberId, terminalId, limit);
    }

    @Override
    public ModelStatus rebuild() {
        return engine.rebuild();
    }

    @Override
    public ModelStatus status() {
        return engine.status();
    }
}

package org.splitcast.license.recommendation.internal;

import static org.splitcast.registry.account.Role.INTEGRATOR_ROLE;
import static org.splitcast.registry.account.Role.OPERATOR_ROLE;
import static org.splitcast.registry.account.Role.SUBSCRIBER_ROLE;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.splitcast.error.AccessDeniedException;
import org.splitcast.error.UnknownEntityException;
import org.splitcast.license.precompute.internal.PrecomputedAccessStore;
import org.splitcast.license.recommendation.ModelStatus;
import org.splitcast.license.recommendation.RecommendationList;
import org.splitcast.license.recommendation.RecommendationList.RecommendedContent;
import org.splitcast.license.recommendation.RecommendationService;
import org.splitcast.registry.account.Callers;
import org.splitcast.registry.content.ContentDirectory;

/** {@link RecommendationService}: the callers' rights in front of the {@link RecommendationEngine}. */
@Stateless
@RolesAllowed(OPERATOR_ROLE)
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class DefaultRecommendationService implements RecommendationService {

    @EJB
    Callers callers;

    @EJB
    RecommendationEngine engine;

    @EJB
    PrecomputedAccessStore store;

    @EJB
    ContentDirectory contents;

    @Inject
    DisplayedLists displayed;

    /** A stored access block counts as ready only if it stays valid this long (as a hit). */
    @Inject
    @ConfigProperty(name = "splitcast.license.min-access-remaining", defaultValue = "PT5M")
    Duration minRemaining;

    @Override
    @RolesAllowed({OPERATOR_ROLE, INTEGRATOR_ROLE, SUBSCRIBER_ROLE})
    public RecommendationList recommend(String subscriberId, String terminalId, int limit)
            throws UnknownEntityException, AccessDeniedException {
        callers.requireAccessToSubscriber(subscriberId);
        RecommendationList list = engine.recommend(subscriberId, terminalId, limit);
        // what the subscriber sees is what the precompute run covers for them
        displayed.shown(subscriberId, list.items().size(), Instant.now());
        if (terminalId == null || list.items().isEmpty()) {
            return list;
        }
        // step 104: each title shown is marked ready when picking it would be a hit
        Map<String, String> keys = contents.currentKeyIds(
                list.items().stream().map(RecommendedContent::contentId).toList());
        Set<String> ready =
                store.precomputedAmong(terminalId, keys, Instant.now().plus(minRemaining));
        return list.withItems(list.items().stream()
                .map(i -> i.withReady(ready.contains(i.contentId())))
                .toList());
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

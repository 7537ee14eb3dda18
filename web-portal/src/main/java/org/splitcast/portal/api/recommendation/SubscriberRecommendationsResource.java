package org.splitcast.portal.api.recommendation;

import static org.splitcast.registry.account.Role.INTEGRATOR_ROLE;
import static org.splitcast.registry.account.Role.OPERATOR_ROLE;
import static org.splitcast.registry.account.Role.SUBSCRIBER_ROLE;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.splitcast.error.AccessDeniedException;
import org.splitcast.error.UnknownEntityException;
import org.splitcast.license.recommendation.RecommendationList;
import org.splitcast.license.recommendation.RecommendationService;

/** {@code /api/subscribers/{subscriberId}/recommendations}: what the subscriber will likely pick next. */
@Path("subscribers/{subscriberId}/recommendations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "recommendations")
public class SubscriberRecommendationsResource {

    @EJB
    RecommendationService recommendations;

    @GET
    @RolesAllowed({OPERATOR_ROLE, INTEGRATOR_ROLE, SUBSCRIBER_ROLE})
    @Operation(
            summary = "The subscriber's recommendation list (step 102)",
            description = "The contents the subscriber is most likely to pick next, best first, among those they"
                    + " are entitled to and have not watched: item-to-item co-views blended with what is popular"
                    + " in their demographic segment. With terminalId, that terminal's views weigh more. The same"
                    + " list the precompute step uses (operation 122). With terminalId, each item also says"
                    + " whether its access block is precomputed for that terminal (ready: a license now is a hit).")
    public RecommendationList recommendations(
            @PathParam("subscriberId") String subscriberId,
            @QueryParam("limit")
                    @DefaultValue("10")
                    @Min(value = 1, message = "limit must be between 1 and 100")
                    @Max(value = 100, message = "limit must be between 1 and 100")
                    int limit,
            @QueryParam("terminalId") String terminalId)
            throws UnknownEntityException, AccessDeniedException {
        return recommendations.recommend(subscriberId, terminalId, limit);
    }
}

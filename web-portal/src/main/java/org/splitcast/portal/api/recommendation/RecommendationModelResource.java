package org.splitcast.portal.api.recommendation;

import static org.splitcast.registry.account.Role.OPERATOR_ROLE;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.splitcast.license.recommendation.ModelStatus;
import org.splitcast.license.recommendation.RecommendationService;

/** {@code /api/recommendations/model}: this node's recommendation model; rebuild it now. */
@Path("recommendations/model")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "recommendations")
public class RecommendationModelResource {

    @EJB
    RecommendationService recommendations;

    @GET
    @RolesAllowed(OPERATOR_ROLE)
    @Operation(summary = "The recommendation model of the node that answers: when built, its size")
    public ModelStatus status() {
        return recommendations.status();
    }

    @POST
    @RolesAllowed(OPERATOR_ROLE)
    @Operation(
            summary = "Rebuild the recommendation model now",
            description = "The model is rebuilt periodically (splitcast.recommendation.rebuild-period) and soon after"
                    + " the catalogue changes; this rebuilds it at once from the viewing history, e.g. after a bulk"
                    + " import. Answers when the new model is in use.")
    public ModelStatus rebuild() {
        return recommendations.rebuild();
    }
}

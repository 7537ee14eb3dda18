package org.splitcast.portal.api.recommendation;

import static org.splitcast.account.Role.INTEGRATOR_ROLE;
import static org.splitcast.account.Role.OPERATOR_ROLE;
import static org.splitcast.account.Role.SUBSCRIBER_ROLE;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.splitcast.error.UnknownEntityException;
import org.splitcast.portal.security.CurrentCaller;
import org.splitcast.precompute.PrecomputeService;
import org.splitcast.recommendation.RecommendationList;
import org.splitcast.recommendation.RecommendationList.RecommendedContent;
import org.splitcast.recommendation.RecommendationService;

/** {@code /api/subscribers/{subscriberId}/recommendations}: what the subscriber will likely pick next. */
@Path("subscribers/{subscriberId}/recommendations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "recommendations")
public class SubscriberRecommendationsResource {

    @EJB
    RecommendationService recommendations;

    @EJB
    PrecomputeService precompute;

    @Inject
    CurrentCaller caller;

    @GET
    @RolesAllowed({OPERATOR_ROLE, INTEGRATOR_ROLE, SUBSCRIBER_ROLE})
    @Operation(
            summary = "The subscriber's recommendation list (step 102)",
            description = "The contents the subscriber is most likely to pick next, best first, among those they"
                    + " are entitled to and have not watched: item-to-item co-views blended with what is popular"
                    + " in their demographic segment. With terminalId, that terminal's views weigh more. The same"
                    + " list the precompute step uses (operation 122). With terminalId, each item also says"
                    + " whether its access block is precomputed for that terminal (ready: a license now is a hit).")
    public RecommendationsDocument recommendations(
            @PathParam("subscriberId") String subscriberId,
            @QueryParam("limit")
                    @DefaultValue("10")
                    @Min(value = 1, message = "limit must be between 1 and 100")
                    @Max(value = 100, message = "limit must be between 1 and 100")
                    int limit,
            @QueryParam("terminalId") String terminalId)
            throws UnknownEntityException {
        caller.requireAccessToSubscriber(subscriberId);
        RecommendationList list = recommendations.recommend(subscriberId, terminalId, limit);
        Set<String> ready = terminalId == null
                ? Set.of()
                : precompute.precomputedContents(
                        terminalId,
                        list.items().stream().map(RecommendedContent::contentId).toList());
        return RecommendationsDocument.of(list, terminalId == null ? null : ready);
    }

    /**
     * The list as the API returns it: {@link RecommendationList} with, when it was asked for a
     * terminal, each item's {@code ready} flag.
     */
    public record RecommendationsDocument(
            String subscriberId, String terminalId, List<Item> items, Instant modelBuiltAt) {

        /**
         * One entry.
         *
         * @param ready whether the access block of this content for the terminal is precomputed
         *     (a license asked now is served from the store); null for a list without terminal
         */
        public record Item(String contentId, String title, String genre, double score, String reason, Boolean ready) {}

        static RecommendationsDocument of(RecommendationList list, Set<String> ready) {
            return new RecommendationsDocument(
                    list.subscriberId(),
                    list.terminalId(),
                    list.items().stream()
                            .map(i -> new Item(
                                    i.contentId(),
                                    i.title(),
                                    i.genre(),
                                    i.score(),
                                    i.reason(),
                                    ready == null ? null : ready.contains(i.contentId())))
                            .toList(),
                    list.modelBuiltAt());
        }
    }
}

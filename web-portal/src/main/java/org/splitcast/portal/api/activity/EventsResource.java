package org.splitcast.portal.api.activity;

import static org.splitcast.registry.account.Role.INTEGRATOR_ROLE;
import static org.splitcast.registry.account.Role.OPERATOR_ROLE;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.splitcast.error.UnknownEntityException;
import org.splitcast.license.activity.ActivityEvents;
import org.splitcast.license.activity.ActivityReport;
import org.splitcast.license.activity.ActivityService;

/** {@code /api/events}: integrators' events (step 112). */
@Path("events")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "precompute")
public class EventsResource {

    @EJB
    ActivityService activity;

    @POST
    @RolesAllowed({OPERATOR_ROLE, INTEGRATOR_ROLE})
    @Operation(
            summary = "Report events (step 112)",
            description = "Lists of ids, each optional: newSubscribers, newTerminals, accessedContents"
                    + " ([{terminalId, contentId}]: plays outside this server), removedSubscribers, removedTerminals."
                    + " New and accessing subscribers go on the active list that the precompute timer works"
                    + " through; removed ones come off it and their precomputed access blocks are dropped. The"
                    + " batch is applied whole or not at all: an unknown new or accessing id refuses it (404)."
                    + " The server reports its own subscribers, terminals and licenses itself.")
    @APIResponse(
            responseCode = "200",
            description = "What the batch changed",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ActivityReport.class)))
    @APIResponse(
            responseCode = "404",
            description = "not-found: a new or accessing id names nothing; nothing was applied")
    public ActivityReport report(@NotNull(message = "a body of event lists is required") @Valid ActivityEvents events)
            throws UnknownEntityException {
        return activity.apply(events);
    }
}

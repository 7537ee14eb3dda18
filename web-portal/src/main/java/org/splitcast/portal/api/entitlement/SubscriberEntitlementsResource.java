package org.splitcast.portal.api.entitlement;

import static org.splitcast.registry.account.Role.INTEGRATOR_ROLE;
import static org.splitcast.registry.account.Role.OPERATOR_ROLE;
import static org.splitcast.registry.account.Role.SUBSCRIBER_ROLE;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.splitcast.error.AccessDeniedException;
import org.splitcast.error.InvalidRequestException;
import org.splitcast.error.UnknownEntityException;
import org.splitcast.registry.entitlement.EntitlementService;
import org.splitcast.registry.entitlement.EntitlementView;
import org.splitcast.registry.entitlement.NewEntitlement;

/** {@code /api/subscribers/{subscriberId}/entitlements}: grant, list, revoke. */
@Path("subscribers/{subscriberId}/entitlements")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "entitlements")
public class SubscriberEntitlementsResource {

    @EJB
    EntitlementService entitlements;

    @Context
    UriInfo uriInfo;

    @POST
    @RolesAllowed({OPERATOR_ROLE, INTEGRATOR_ROLE})
    @Operation(summary = "Grant a purchase (contentId) or a package (packageId), with an optional validity window")
    @APIResponse(
            responseCode = "201",
            description = "Granted; Location names it",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EntitlementView.class)))
    public Response grant(@PathParam("subscriberId") String subscriberId, @NotNull @Valid NewEntitlement entitlement)
            throws UnknownEntityException, InvalidRequestException, AccessDeniedException {
        EntitlementView granted = entitlements.grant(subscriberId, entitlement);
        return Response.created(
                        uriInfo.getAbsolutePathBuilder().path(granted.id()).build())
                .entity(granted)
                .build();
    }

    @GET
    @RolesAllowed({OPERATOR_ROLE, INTEGRATOR_ROLE, SUBSCRIBER_ROLE})
    @Operation(summary = "List a subscriber's entitlements")
    public List<EntitlementView> list(@PathParam("subscriberId") String subscriberId)
            throws UnknownEntityException, AccessDeniedException {
        return entitlements.listFor(subscriberId);
    }

    @DELETE
    @Path("{entitlementId}")
    @RolesAllowed({OPERATOR_ROLE, INTEGRATOR_ROLE})
    @Operation(summary = "Revoke an entitlement")
    public void revoke(@PathParam("subscriberId") String subscriberId, @PathParam("entitlementId") String entitlementId)
            throws UnknownEntityException, AccessDeniedException {
        entitlements.revoke(subscriberId, entitlementId);
    }
}

package org.splitcast.portal.api.subscriber;

import static org.splitcast.registry.account.Role.INTEGRATOR_ROLE;
import static org.splitcast.registry.account.Role.OPERATOR_ROLE;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.splitcast.common.Page;
import org.splitcast.error.DuplicateEntityException;
import org.splitcast.error.InvalidRequestException;
import org.splitcast.portal.api.Paging;
import org.splitcast.registry.subscriber.NewSubscriber;
import org.splitcast.registry.subscriber.SubscriberService;
import org.splitcast.registry.subscriber.SubscriberView;

/** {@code /api/subscribers}: create and list (operators and integrators). */
@Path("subscribers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "subscribers")
public class SubscribersResource {

    @EJB
    SubscriberService subscribers;

    @Context
    UriInfo uriInfo;

    @POST
    @RolesAllowed({OPERATOR_ROLE, INTEGRATOR_ROLE})
    @Operation(summary = "Create a subscriber with their login (409 if the id or username exists)")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names it",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SubscriberView.class)))
    @APIResponse(responseCode = "409", description = "conflict: the id or the username already exists")
    public Response create(@NotNull @Valid NewSubscriber subscriber)
            throws DuplicateEntityException, InvalidRequestException {
        SubscriberView created = subscribers.create(subscriber);
        return Response.created(uriInfo.getBaseUriBuilder()
                        .path(SubscriberResource.class)
                        .build(created.id()))
                .entity(created)
                .build();
    }

    @GET
    @RolesAllowed({OPERATOR_ROLE, INTEGRATOR_ROLE})
    @Operation(summary = "List subscribers, oldest first")
    public Page<SubscriberView> list(@Valid @BeanParam Paging paging) {
        return subscribers.list(paging.offset(), paging.limit());
    }
}

package org.splitcast.portal.api.terminal;

import static org.splitcast.registry.account.Role.INTEGRATOR_ROLE;
import static org.splitcast.registry.account.Role.OPERATOR_ROLE;
import static org.splitcast.registry.account.Role.SUBSCRIBER_ROLE;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
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
import org.splitcast.error.DuplicateEntityException;
import org.splitcast.error.InvalidRequestException;
import org.splitcast.error.UnknownEntityException;
import org.splitcast.registry.terminal.NewTerminal;
import org.splitcast.registry.terminal.TerminalService;
import org.splitcast.registry.terminal.TerminalView;

/** {@code /api/subscribers/{subscriberId}/terminals}: register and list a subscriber's terminals. */
@Path("subscribers/{subscriberId}/terminals")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "terminals")
public class SubscriberTerminalsResource {

    @EJB
    TerminalService terminals;

    @Context
    UriInfo uriInfo;

    @POST
    @RolesAllowed({OPERATOR_ROLE, INTEGRATOR_ROLE, SUBSCRIBER_ROLE})
    @Operation(
            summary = "Register a terminal",
            description = "keyType AES_256: the server generates the terminal key and returns it, base64, in"
                    + " provisioningKey: this response is the only time it is ever shown. Otherwise send the"
                    + " device's public key (RSA >= 2048, EC_P256 or X25519) as PEM or base64 DER.")
    @APIResponse(
            responseCode = "201",
            description =
                    "Registered; for AES_256 the body carries provisioningKey, shown this once; Location names it",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TerminalView.class)))
    @APIResponse(responseCode = "409", description = "conflict: the terminal id already exists")
    public Response register(@PathParam("subscriberId") String subscriberId, @NotNull @Valid NewTerminal terminal)
            throws UnknownEntityException, DuplicateEntityException, InvalidRequestException, AccessDeniedException {
        TerminalView registered = terminals.register(subscriberId, terminal);
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.created(
                        uriInfo.getBaseUriBuilder().path(TerminalResource.class).build(subscriberId, registered.id()))
                .cacheControl(noStore)
                .entity(registered)
                .build();
    }

    @GET
    @RolesAllowed({OPERATOR_ROLE, INTEGRATOR_ROLE, SUBSCRIBER_ROLE})
    @Operation(summary = "List a subscriber's terminals")
    public List<TerminalView> list(@PathParam("subscriberId") String subscriberId)
            throws UnknownEntityException, AccessDeniedException {
        return terminals.listFor(subscriberId);
    }
}

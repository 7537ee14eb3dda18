package org.splitcast.portal.api.terminal;

import static org.splitcast.registry.account.Role.INTEGRATOR_ROLE;
import static org.splitcast.registry.account.Role.OPERATOR_ROLE;
import static org.splitcast.registry.account.Role.SUBSCRIBER_ROLE;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.splitcast.error.AccessDeniedException;
import org.splitcast.error.UnknownEntityException;
import org.splitcast.registry.terminal.TerminalService;
import org.splitcast.registry.terminal.TerminalView;

/** {@code /api/subscribers/{subscriberId}/terminals/{terminalId}}: read, revoke, remove. */
@Path("subscribers/{subscriberId}/terminals/{terminalId}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "terminals")
public class TerminalResource {

    @EJB
    TerminalService terminals;

    @GET
    @RolesAllowed({OPERATOR_ROLE, INTEGRATOR_ROLE, SUBSCRIBER_ROLE})
    @Operation(summary = "Read a terminal (never its key)")
    public TerminalView get(@PathParam("subscriberId") String subscriberId, @PathParam("terminalId") String terminalId)
            throws UnknownEntityException, AccessDeniedException {
        return terminals.get(subscriberId, terminalId);
    }

    @POST
    @Path("revoke")
    @RolesAllowed({OPERATOR_ROLE, INTEGRATOR_ROLE, SUBSCRIBER_ROLE})
    @Operation(summary = "Revoke a terminal for good (idempotent)")
    public TerminalView revoke(
            @PathParam("subscriberId") String subscriberId, @PathParam("terminalId") String terminalId)
            throws UnknownEntityException, AccessDeniedException {
        return terminals.revoke(subscriberId, terminalId);
    }

    @DELETE
    @RolesAllowed({OPERATOR_ROLE, INTEGRATOR_ROLE, SUBSCRIBER_ROLE})
    @Operation(summary = "Remove a terminal")
    public void delete(@PathParam("subscriberId") String subscriberId, @PathParam("terminalId") String terminalId)
            throws UnknownEntityException, AccessDeniedException {
        terminals.delete(subscriberId, terminalId);
    }
}

package org.splitcast.portal.api.terminal;

import static org.splitcast.registry.account.Role.INTEGRATOR_ROLE;
import static org.splitcast.registry.account.Role.OPERATOR_ROLE;
import static org.splitcast.registry.account.Role.SUBSCRIBER_ROLE;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
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

/** {@code /api/terminals/{terminalId}}: look a terminal up by its id alone (a subscriber: only their own). */
@Path("terminals")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "terminals")
public class TerminalsResource {

    @EJB
    TerminalService terminals;

    @GET
    @Path("{terminalId}")
    @RolesAllowed({OPERATOR_ROLE, INTEGRATOR_ROLE, SUBSCRIBER_ROLE})
    @Operation(summary = "Read a terminal by id (never its key)")
    public TerminalView get(@PathParam("terminalId") String terminalId)
            throws UnknownEntityException, AccessDeniedException {
        return terminals.get(terminalId);
    }
}

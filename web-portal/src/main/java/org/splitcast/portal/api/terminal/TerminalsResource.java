package org.splitcast.portal.api.terminal;

import static org.splitcast.account.Role.INTEGRATOR_ROLE;
import static org.splitcast.account.Role.OPERATOR_ROLE;
import static org.splitcast.account.Role.SUBSCRIBER_ROLE;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.splitcast.error.UnknownEntityException;
import org.splitcast.portal.security.CurrentCaller;
import org.splitcast.terminal.TerminalService;
import org.splitcast.terminal.TerminalView;

/** {@code /api/terminals/{terminalId}}: look a terminal up by its id alone (a subscriber: only their own). */
@Path("terminals")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "terminals")
public class TerminalsResource {

    @EJB
    TerminalService terminals;

    @Inject
    CurrentCaller caller;

    @GET
    @Path("{terminalId}")
    @RolesAllowed({OPERATOR_ROLE, INTEGRATOR_ROLE, SUBSCRIBER_ROLE})
    @Operation(summary = "Read a terminal by id (never its key)")
    public TerminalView get(@PathParam("terminalId") String terminalId) throws UnknownEntityException {
        TerminalView terminal = terminals.get(terminalId);
        caller.requireAccessToSubscriber(terminal.subscriberId());
        return terminal;
    }
}

package org.splitcast.portal.api.terminal;

import static org.splitcast.account.Role.INTEGRATOR_ROLE;
import static org.splitcast.account.Role.OPERATOR_ROLE;
import static org.splitcast.account.Role.SUBSCRIBER_ROLE;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

/** {@code /api/subscribers/{subscriberId}/terminals/{terminalId}}: read, revoke, remove. */
@Path("subscribers/{subscriberId}/terminals/{terminalId}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "terminals")
public class TerminalResource {

    @EJB
    TerminalService terminals;

    @Inject
    CurrentCaller caller;

    @GET
    @RolesAllowed({OPERATOR_ROLE, INTEGRATOR_ROLE, SUBSCRIBER_ROLE})
    @Operation(summary = "Read a terminal (never its key)")
    public TerminalView get(@PathParam("subscriberId") String subscriberId, @PathParam("terminalId") String terminalId)
            throws UnknownEntityException {
        return owned(subscriberId, terminalId);
    }

    @POST
    @Path("revoke")
    @RolesAllowed({OPERATOR_ROLE, INTEGRATOR_ROLE, SUBSCRIBER_ROLE})
    @Operation(summary = "Revoke a terminal for good (idempotent)")
    public TerminalView revoke(
            @PathParam("subscriberId") String subscriberId, @PathParam("terminalId") String terminalId)
            throws UnknownEntityException {
        owned(subscriberId, terminalId);
        return terminals.revoke(terminalId);
    }

    @DELETE
    @RolesAllowed({OPERATOR_ROLE, INTEGRATOR_ROLE, SUBSCRIBER_ROLE})
    @Operation(summary = "Remove a terminal")
    public void delete(@PathParam("subscriberId") String subscriberId, @PathParam("terminalId") String terminalId)
            throws UnknownEntityException {
        owned(subscriberId, terminalId);
        terminals.delete(terminalId);
    }

    /** The terminal, if the caller may see this subscriber's data and the terminal is theirs. */
    private TerminalView owned(String subscriberId, String terminalId) throws UnknownEntityException {
        caller.requireAccessToSubscriber(subscriberId);
        TerminalView terminal = terminals.get(terminalId);
        if (!terminal.subscriberId().equals(subscriberId)) {
            throw new UnknownEntityException("terminal of subscriber " + subscriberId, terminalId);
        }
        return terminal;
    }
}

package org.splitcast.portal.api.account;

import static org.splitcast.registry.account.Role.INTEGRATOR_ROLE;
import static org.splitcast.registry.account.Role.OPERATOR_ROLE;
import static org.splitcast.registry.account.Role.SUBSCRIBER_ROLE;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.splitcast.error.AccessDeniedException;
import org.splitcast.registry.account.Caller;
import org.splitcast.registry.account.Callers;

/** {@code /api/me}: who the credentials belong to. */
@Path("me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "accounts")
public class MeResource {

    /** The caller: username, role, and for subscribers their subscriber id. */
    public record Me(String username, String role, String subscriberId) {}

    @EJB
    Callers callers;

    @GET
    @RolesAllowed({OPERATOR_ROLE, INTEGRATOR_ROLE, SUBSCRIBER_ROLE})
    @Operation(summary = "The authenticated caller")
    public Me me() throws AccessDeniedException {
        Caller c = callers.current();
        return new Me(c.username(), c.role().roleName(), c.subscriberId());
    }
}

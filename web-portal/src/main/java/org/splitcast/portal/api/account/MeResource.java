package org.splitcast.portal.api.account;

import static org.splitcast.account.Role.INTEGRATOR_ROLE;
import static org.splitcast.account.Role.OPERATOR_ROLE;
import static org.splitcast.account.Role.SUBSCRIBER_ROLE;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.splitcast.account.Caller;
import org.splitcast.portal.security.CurrentCaller;

/** {@code /api/me}: who the credentials belong to. */
@Path("me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "accounts")
public class MeResource {

    /** The caller: username, role, and for subscribers their subscriber id. */
    public record Me(String username, String role, String subscriberId) {}

    @Inject
    CurrentCaller caller;

    @GET
    @RolesAllowed({OPERATOR_ROLE, INTEGRATOR_ROLE, SUBSCRIBER_ROLE})
    @Operation(summary = "The authenticated caller")
    public Me me() {
        Caller c = caller.get();
        return new Me(c.username(), c.role().roleName(), c.subscriberId());
    }
}

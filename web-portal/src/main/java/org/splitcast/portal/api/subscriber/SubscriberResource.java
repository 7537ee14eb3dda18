package org.splitcast.portal.api.subscriber;

import static org.splitcast.registry.account.Role.INTEGRATOR_ROLE;
import static org.splitcast.registry.account.Role.OPERATOR_ROLE;
import static org.splitcast.registry.account.Role.SUBSCRIBER_ROLE;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.splitcast.error.AccessDeniedException;
import org.splitcast.error.UnknownEntityException;
import org.splitcast.registry.subscriber.SubscriberService;
import org.splitcast.registry.subscriber.SubscriberView;

/** {@code /api/subscribers/{subscriberId}}: read (a subscriber: only themselves) and delete. */
@Path("subscribers/{subscriberId}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "subscribers")
public class SubscriberResource {

    @EJB
    SubscriberService subscribers;

    @GET
    @RolesAllowed({OPERATOR_ROLE, INTEGRATOR_ROLE, SUBSCRIBER_ROLE})
    @Operation(summary = "Read a subscriber")
    public SubscriberView get(@PathParam("subscriberId") String subscriberId)
            throws UnknownEntityException, AccessDeniedException {
        return subscribers.get(subscriberId);
    }

    @DELETE
    @RolesAllowed({OPERATOR_ROLE, INTEGRATOR_ROLE})
    @Operation(summary = "Delete a subscriber with their login, terminals and entitlements")
    public void delete(@PathParam("subscriberId") String subscriberId)
            throws UnknownEntityException, AccessDeniedException {
        subscribers.delete(subscriberId);
    }
}

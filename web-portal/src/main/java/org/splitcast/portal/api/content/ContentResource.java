package org.splitcast.portal.api.content;

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
import org.splitcast.error.UnknownEntityException;
import org.splitcast.registry.content.ContentService;
import org.splitcast.registry.content.ContentView;

/** {@code /api/contents/{contentId}}. */
@Path("contents/{contentId}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "contents")
public class ContentResource {

    @EJB
    ContentService contents;

    @GET
    @RolesAllowed({OPERATOR_ROLE, INTEGRATOR_ROLE, SUBSCRIBER_ROLE})
    @Operation(summary = "Read a content (its current key id, never the key)")
    public ContentView get(@PathParam("contentId") String contentId) throws UnknownEntityException {
        return contents.get(contentId);
    }

    @POST
    @Path("keys")
    @RolesAllowed(OPERATOR_ROLE)
    @Operation(
            summary = "Rotate the content key Kc",
            description = "New licenses carry the new key; precomputed access blocks of the old one are dropped.")
    public ContentView rotateKey(@PathParam("contentId") String contentId) throws UnknownEntityException {
        return contents.rotateKey(contentId);
    }

    @DELETE
    @RolesAllowed(OPERATOR_ROLE)
    @Operation(summary = "Remove a content with its keys, package memberships and purchases")
    public void delete(@PathParam("contentId") String contentId) throws UnknownEntityException {
        contents.delete(contentId);
    }
}

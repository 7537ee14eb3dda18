package org.splitcast.portal.api.content;

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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.splitcast.registry.content.ContentService;

/** {@code GET /api/genres}: the catalogue's genres (the portal's genre filter). */
@Path("genres")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "contents")
public class GenresResource {

    @EJB
    ContentService contents;

    @GET
    @RolesAllowed({OPERATOR_ROLE, INTEGRATOR_ROLE, SUBSCRIBER_ROLE})
    @Operation(summary = "The genres of the catalogue, alphabetically")
    public List<String> genres() {
        return contents.genres();
    }
}

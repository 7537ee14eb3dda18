package org.splitcast.portal.api.content;

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
import jakarta.ws.rs.Produces;
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
import org.splitcast.error.DuplicateEntityException;
import org.splitcast.error.UnknownEntityException;
import org.splitcast.registry.content.ContentService;
import org.splitcast.registry.content.NewPackage;
import org.splitcast.registry.content.PackageView;

/** {@code /api/packages}: sets of contents that one entitlement grants. */
@Path("packages")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "packages")
public class PackagesResource {

    @EJB
    ContentService contents;

    @Context
    UriInfo uriInfo;

    @POST
    @RolesAllowed(OPERATOR_ROLE)
    @Operation(summary = "Create a package")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names it",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PackageView.class)))
    @APIResponse(responseCode = "404", description = "not-found: a listed content does not exist")
    @APIResponse(responseCode = "409", description = "conflict: the id already exists")
    public Response create(@NotNull @Valid NewPackage contentPackage)
            throws DuplicateEntityException, UnknownEntityException {
        PackageView created = contents.createPackage(contentPackage);
        return Response.created(
                        uriInfo.getBaseUriBuilder().path(PackageResource.class).build(created.id()))
                .entity(created)
                .build();
    }

    @GET
    @RolesAllowed({OPERATOR_ROLE, INTEGRATOR_ROLE, SUBSCRIBER_ROLE})
    @Operation(summary = "List packages")
    public List<PackageView> list() {
        return contents.listPackages();
    }
}

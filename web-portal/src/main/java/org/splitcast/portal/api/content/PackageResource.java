package org.splitcast.portal.api.content;

import static org.splitcast.registry.account.Role.INTEGRATOR_ROLE;
import static org.splitcast.registry.account.Role.OPERATOR_ROLE;
import static org.splitcast.registry.account.Role.SUBSCRIBER_ROLE;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.splitcast.error.UnknownEntityException;
import org.splitcast.registry.content.ContentService;
import org.splitcast.registry.content.PackageView;

/** {@code /api/packages/{packageId}}, and its members {@code .../contents/{contentId}}. */
@Path("packages/{packageId}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "packages")
public class PackageResource {

    @EJB
    ContentService contents;

    @GET
    @RolesAllowed({OPERATOR_ROLE, INTEGRATOR_ROLE, SUBSCRIBER_ROLE})
    @Operation(summary = "Read a package")
    public PackageView get(@PathParam("packageId") String packageId) throws UnknownEntityException {
        return contents.getPackage(packageId);
    }

    @DELETE
    @RolesAllowed(OPERATOR_ROLE)
    @Operation(summary = "Delete a package and the entitlements to it")
    public void delete(@PathParam("packageId") String packageId) throws UnknownEntityException {
        contents.deletePackage(packageId);
    }

    @PUT
    @Path("contents/{contentId}")
    @RolesAllowed(OPERATOR_ROLE)
    @Operation(summary = "Put a content in the package (idempotent)")
    public PackageView add(@PathParam("packageId") String packageId, @PathParam("contentId") String contentId)
            throws UnknownEntityException {
        return contents.addToPackage(packageId, contentId);
    }

    @DELETE
    @Path("contents/{contentId}")
    @RolesAllowed(OPERATOR_ROLE)
    @Operation(summary = "Take a content out of the package")
    public PackageView remove(@PathParam("packageId") String packageId, @PathParam("contentId") String contentId)
            throws UnknownEntityException {
        return contents.removeFromPackage(packageId, contentId);
    }
}

package org.splitcast.portal.api.media;

import static org.splitcast.registry.account.Role.OPERATOR_ROLE;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.splitcast.error.DuplicateEntityException;
import org.splitcast.error.InvalidRequestException;
import org.splitcast.error.UnknownEntityException;
import org.splitcast.session.ingest.IngestService;
import org.splitcast.session.ingest.IngestStorageException;
import org.splitcast.session.ingest.IngestView;

/** {@code PUT /api/contents/{contentId}/stream}: ingest a content's MPEG transport stream. */
@Path("contents/{contentId}/stream")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "ingest")
public class ContentStreamResource {

    /** The body of an ingest of a file already on the server. */
    public record ImportRequest(@NotNull(message = "path is required") String path) {}

    @EJB
    IngestService ingest;

    @Context
    UriInfo uriInfo;

    @PUT
    @Consumes({"video/mp2t", MediaType.APPLICATION_OCTET_STREAM})
    @RolesAllowed(OPERATOR_ROLE)
    @Operation(
            summary = "Upload the content's MPEG transport stream",
            description = "The body is streamed to the server's media store (never held in memory) and"
                    + " separated in the background; 202 with the ingest, whose progress is at"
                    + " /api/contents/{contentId}/ingest. A new ingest replaces the content's media once it is"
                    + " ready. Refused at once: an empty body, one that is not a transport stream, a truncated"
                    + " one (not whole packets), one larger than the server accepts (400); a full disk (507); an"
                    + " ingest of the content already under way (409).")
    @APIResponse(
            responseCode = "202",
            description = "Accepted: separated in the background; Location is the ingest's progress",
            headers = @Header(name = "Location", description = "the ingest's progress"),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = IngestView.class)))
    @APIResponse(responseCode = "409", description = "conflict: an ingest of this content is already under way")
    @APIResponse(responseCode = "413", description = "payload-too-large: larger than the server accepts")
    @APIResponse(responseCode = "507", description = "insufficient-storage: the server could not store it")
    public Response upload(@PathParam("contentId") String contentId, InputStream body)
            throws UnknownEntityException, InvalidRequestException, DuplicateEntityException, IngestStorageException {
        return accepted(ingest.upload(contentId, body));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(OPERATOR_ROLE)
    @Operation(
            summary = "Ingest a file the server can read",
            description = "For streams already on the server's host: {\"path\": ...}, relative to (and inside)"
                    + " the import folder splitcast.ingest.import-dir. The file is read in place.")
    @APIResponse(
            responseCode = "202",
            description = "Accepted: separated in the background; Location is the ingest's progress",
            headers = @Header(name = "Location", description = "the ingest's progress"),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = IngestView.class)))
    @APIResponse(responseCode = "409", description = "conflict: an ingest of this content is already under way")
    public Response importFile(@PathParam("contentId") String contentId, @NotNull ImportRequest request)
            throws UnknownEntityException, InvalidRequestException, DuplicateEntityException {
        return accepted(ingest.importFile(contentId, request.path()));
    }

    private Response accepted(IngestView view) {
        return Response.accepted(view)
                .location(uriInfo.getBaseUriBuilder()
                        .path(ContentIngestResource.class)
                        .build(view.contentId()))
                .build();
    }
}

package org.splitcast.portal.api.media;

import static org.splitcast.registry.account.Role.OPERATOR_ROLE;

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
import org.splitcast.error.UnknownEntityException;
import org.splitcast.session.ingest.IngestService;
import org.splitcast.session.ingest.IngestView;

/** {@code /api/contents/{contentId}/ingest}: the progress of the content's ingest, and its cancellation. */
@Path("contents/{contentId}/ingest")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "ingest")
public class ContentIngestResource {

    @EJB
    IngestService ingest;

    @GET
    @RolesAllowed(OPERATOR_ROLE)
    @Operation(
            summary = "The content's ingest under way, or its latest",
            description = "State (RECEIVING, QUEUED, SEPARATING, READY, FAILED, CANCELLED), bytes done, MB/s and ETA"
                    + " while it runs, and once READY the separation's figures per elementary stream.")
    public IngestView status(@PathParam("contentId") String contentId) throws UnknownEntityException {
        return ingest.status(contentId);
    }

    @DELETE
    @RolesAllowed(OPERATOR_ROLE)
    @Operation(summary = "Cancel the ingest under way (the media already served stays)")
    public IngestView cancel(@PathParam("contentId") String contentId) throws UnknownEntityException {
        return ingest.cancel(contentId);
    }
}

package org.splitcast.portal.api.media;

import static org.splitcast.registry.account.Role.OPERATOR_ROLE;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.splitcast.session.ingest.IngestService;
import org.splitcast.session.ingest.IngestView;

/** {@code GET /api/ingests}: the ingest jobs, for the operator's dashboard. */
@Path("ingests")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "ingest")
public class IngestsResource {

    @EJB
    IngestService ingest;

    @GET
    @RolesAllowed(OPERATOR_ROLE)
    @Operation(
            summary = "The latest ingest of each content, the most recently started first",
            description = "Each as GET /api/contents/{id}/ingest: state, bytes done of the total, MB/s and ETA while"
                    + " it runs, the separation's figures once READY.")
    @APIResponse(responseCode = "200", description = "The ingest jobs (an empty array when nothing was ingested)")
    public List<IngestView> list(
            @QueryParam("limit")
                    @DefaultValue("20")
                    @Min(value = 1, message = "limit must be between 1 and 200")
                    @Max(value = 200, message = "limit must be between 1 and 200")
                    int limit) {
        return ingest.recent(limit);
    }
}

package org.splitcast.portal.api.metrics;

import static org.splitcast.registry.account.Role.OPERATOR_ROLE;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.splitcast.license.metrics.MetricsService;

/** {@code GET /api/metrics}: Prometheus text exposition of this node's meters. */
@Path("metrics")
@RequestScoped
@Tag(name = "operations")
public class MetricsResource {

    @EJB
    MetricsService metrics;

    @GET
    @RolesAllowed(OPERATOR_ROLE)
    @Produces("text/plain")
    @Operation(
            summary = "Metrics in the Prometheus text format",
            description = "splitcast_license_access_total{source=precomputed|computed} (hits, misses),"
                    + " splitcast_license_issue_seconds (histogram), splitcast_license_requests_total{outcome},"
                    + " splitcast_access_block_compute_seconds{reason}")
    @APIResponse(
            responseCode = "200",
            description = "The metrics (text/plain; version=0.0.4)",
            content = @Content(mediaType = "text/plain", schema = @Schema(type = SchemaType.STRING)))
    public Response scrape() {
        return Response.ok(metrics.scrape()).type(MetricsService.CONTENT_TYPE).build();
    }
}

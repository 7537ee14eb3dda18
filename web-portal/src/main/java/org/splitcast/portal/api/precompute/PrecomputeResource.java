package org.splitcast.portal.api.precompute;

import static org.splitcast.registry.account.Role.OPERATOR_ROLE;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.splitcast.error.UnknownEntityException;
import org.splitcast.license.precompute.PrecomputeReport;
import org.splitcast.license.precompute.PrecomputeService;

/** {@code /api/precompute}: fill the store for a subscriber and contents; its size. */
@Path("precompute")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "precompute")
public class PrecomputeResource {

    @EJB
    PrecomputeService precompute;

    @POST
    @RolesAllowed(OPERATOR_ROLE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Precompute access blocks (step 126)",
            description = "For every active terminal of the subscriber and every listed content they are entitled"
                    + " to; the same code path as a miss and as the load-gated timer.")
    public PrecomputeReport precompute(
            @NotNull(message = "a body {subscriberId, contentIds} is required") @Valid PrecomputeRequest request)
            throws UnknownEntityException {
        return precompute.precompute(request.subscriberId(), request.contentIds());
    }

    @GET
    @Path("store")
    @RolesAllowed(OPERATOR_ROLE)
    @Operation(summary = "The size of the precomputed access store, or of one terminal's part of it")
    public StoreSize store(@QueryParam("terminalId") String terminalId) {
        return new StoreSize(terminalId == null ? precompute.storeSize() : precompute.storedFor(terminalId));
    }

    public record PrecomputeRequest(
            @NotBlank(message = "subscriberId is required") String subscriberId,
            @NotEmpty(message = "contentIds must list at least one content")
                    @Size(max = 100, message = "at most 100 contents per call")
                    List<@NotBlank String> contentIds) {}

    public record StoreSize(long entries) {}
}

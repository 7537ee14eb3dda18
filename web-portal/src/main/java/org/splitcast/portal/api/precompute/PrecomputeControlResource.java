package org.splitcast.portal.api.precompute;

import static org.splitcast.registry.account.Role.OPERATOR_ROLE;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.splitcast.error.InvalidRequestException;
import org.splitcast.license.activity.ActiveUserView;
import org.splitcast.license.activity.ActivityService;
import org.splitcast.license.precompute.PrecomputeControl;
import org.splitcast.license.precompute.PrecomputeRunView;
import org.splitcast.license.precompute.PrecomputeSettings;
import org.splitcast.license.precompute.PrecomputeStatus;

/**
 * {@code /api/precompute/status|settings|runs|active-users}: the operator's view and controls of
 * the load-gated precompute (steps 112-126).
 */
@Path("precompute")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "precompute")
public class PrecomputeControlResource {

    @EJB
    PrecomputeControl control;

    @EJB
    ActivityService activity;

    @GET
    @Path("status")
    @RolesAllowed(OPERATOR_ROLE)
    @Operation(
            summary = "Workload, gate and store",
            description = "The workload of the node that answers (license requests per second over the last"
                    + " interval) and its trend, S1, whether the gate would open now and the budget it would give,"
                    + " the active users waiting, the store's size, this node's hits and misses, and the last run.")
    public PrecomputeStatus status() {
        return control.status();
    }

    @GET
    @Path("settings")
    @RolesAllowed(OPERATOR_ROLE)
    @Operation(summary = "The precompute settings in force")
    public PrecomputeSettings settings() {
        return control.settings();
    }

    @PUT
    @Path("settings")
    @RolesAllowed(OPERATOR_ROLE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Change the precompute settings",
            description = "threshold (S1, requests/s), interval (ISO-8601, PT1S..PT1H, whole seconds), trendIntervals"
                    + " (2..12), period (PT2S..P1D), policy (ALL, FIRST_K, LOAD_DEPENDENT), k, listSize (1..100),"
                    + " maxItemsPerRun, itemCost, enabled. Kept in the database for every node; in force at the next"
                    + " tick (2 s).")
    public PrecomputeSettings update(
            @NotNull(message = "a settings body is required") @Valid PrecomputeSettings settings)
            throws InvalidRequestException {
        return control.updateSettings(settings);
    }

    @DELETE
    @Path("settings")
    @RolesAllowed(OPERATOR_ROLE)
    @Operation(summary = "Back to the configuration's defaults")
    public PrecomputeSettings reset() {
        return control.resetSettings();
    }

    @GET
    @Path("runs")
    @RolesAllowed(OPERATOR_ROLE)
    @Operation(summary = "The latest decisions of the precompute timer, newest first")
    public List<PrecomputeRunView> runs(
            @QueryParam("limit")
                    @DefaultValue("20")
                    @Min(value = 1, message = "limit must be between 1 and 1000")
                    @Max(value = 1000, message = "limit must be between 1 and 1000")
                    int limit) {
        return control.runs(limit);
    }

    @GET
    @Path("active-users")
    @RolesAllowed(OPERATOR_ROLE)
    @Operation(summary = "The active users waiting for the precompute step (step 112's list), oldest first")
    public List<ActiveUserView> activeUsers(
            @QueryParam("offset") @DefaultValue("0") @Min(value = 0, message = "offset must not be negative")
                    int offset,
            @QueryParam("limit")
                    @DefaultValue("100")
                    @Min(value = 1, message = "limit must be between 1 and 1000")
                    @Max(value = 1000, message = "limit must be between 1 and 1000")
                    int limit) {
        return activity.waiting(offset, limit);
    }
}

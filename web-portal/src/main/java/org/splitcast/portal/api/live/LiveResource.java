package org.splitcast.portal.api.live;

import static org.splitcast.registry.account.Role.INTEGRATOR_ROLE;
import static org.splitcast.registry.account.Role.OPERATOR_ROLE;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.splitcast.error.AccessDeniedException;
import org.splitcast.error.InvalidRequestException;
import org.splitcast.error.UnknownEntityException;
import org.splitcast.session.live.LiveChannelSettings;
import org.splitcast.session.live.LiveGroupMetrics;
import org.splitcast.session.live.LiveGroupView;
import org.splitcast.session.live.LiveProblemException;
import org.splitcast.session.live.LiveService;

/**
 * {@code /api/live}: the public live verification key, and the live channels for the operator and
 * staff (docs/live.md §11).
 */
@Path("live")
@RequestScoped
@Tag(name = "live")
public class LiveResource {

    @EJB
    LiveService live;

    @GET
    @Path("verification-key")
    @Produces(MediaType.TEXT_PLAIN)
    @PermitAll
    @Operation(
            summary = "The live verification key (public)",
            description = "keyId:base64(SubjectPublicKeyInfo) of the ES256 key that signs key messages and join"
                    + " tickets; edges and terminals check them with it. Stable across restarts.")
    @APIResponse(responseCode = "200", description = "the key")
    @APIResponse(responseCode = "409", description = "not-ready: the live publisher is still starting")
    public String verificationKey() throws LiveProblemException {
        return live.verificationKey() + "\n";
    }

    @GET
    @Path("groups")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({OPERATOR_ROLE, INTEGRATOR_ROLE})
    @Operation(
            summary = "The live channels and their counters",
            description = "[{group, contentId, members, bytesPerSecond, rekeys, keyPeriod}]")
    @APIResponse(responseCode = "200", description = "the channels")
    @APIResponse(responseCode = "401", description = "unauthenticated")
    @APIResponse(responseCode = "403", description = "forbidden: subscribers")
    public List<LiveGroupView> groups() throws AccessDeniedException {
        return live.groups();
    }

    @GET
    @Path("groups/{group}/metrics")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({OPERATOR_ROLE, INTEGRATOR_ROLE})
    @Operation(
            summary = "Every counter of a live channel's group",
            description = "members, subscribedEdges, chunksPublished, chunksSkipped (fell due without a valid key"
                    + " holder: not sealed, not sent), framesSent, bytesSent, bytesPerSecond, rekeys,"
                    + " keyMessageBytes, keyPeriod")
    @APIResponse(responseCode = "200", description = "the counters")
    @APIResponse(responseCode = "401", description = "unauthenticated")
    @APIResponse(responseCode = "403", description = "forbidden: subscribers")
    @APIResponse(responseCode = "404", description = "not-found: no such channel")
    public LiveGroupMetrics metrics(@PathParam("group") String group)
            throws AccessDeniedException, UnknownEntityException {
        return live.metrics(group).orElseThrow(() -> new UnknownEntityException("live channel", group));
    }

    @PUT
    @Path("groups/{group}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(OPERATOR_ROLE)
    @Operation(
            summary = "Open (or reopen) a live channel",
            description = "{contentId, keyPeriod (ISO-8601 duration), sessionLifetime, speed, loop, revokeAtOnce}:"
                    + " the content's stored version replayed as a live channel; members of a reopened channel"
                    + " lose their sessions.")
    @APIResponse(responseCode = "200", description = "the channel")
    @APIResponse(responseCode = "400", description = "validation or malformed-request")
    @APIResponse(responseCode = "401", description = "unauthenticated")
    @APIResponse(responseCode = "403", description = "forbidden: operators only")
    @APIResponse(responseCode = "404", description = "not-found: the content has no stored version")
    @APIResponse(responseCode = "409", description = "not-ready: the live publisher is still starting")
    @APIResponse(responseCode = "415", description = "unsupported-media-type")
    public LiveGroupView open(@PathParam("group") String group, LiveChannelSettings settings)
            throws AccessDeniedException, UnknownEntityException, InvalidRequestException, LiveProblemException {
        return live.openChannel(group, settings);
    }

    @DELETE
    @Path("groups/{group}")
    @RolesAllowed(OPERATOR_ROLE)
    @Operation(summary = "Close a live channel: its sessions end")
    @APIResponse(responseCode = "204", description = "closed")
    @APIResponse(responseCode = "401", description = "unauthenticated")
    @APIResponse(responseCode = "403", description = "forbidden: operators only")
    @APIResponse(responseCode = "404", description = "not-found: no such channel")
    public Response close(@PathParam("group") String group) throws AccessDeniedException, UnknownEntityException {
        live.closeChannel(group);
        return Response.noContent().build();
    }
}

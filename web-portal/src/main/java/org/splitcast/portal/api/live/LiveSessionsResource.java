package org.splitcast.portal.api.live;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.splitcast.error.InvalidRequestException;
import org.splitcast.error.UnknownEntityException;
import org.splitcast.session.live.LiveProblemException;
import org.splitcast.session.live.LiveService;

/**
 * {@code /api/sessions}: live sessions of terminals (docs/live.md §2). No account needed
 * (web.xml): each request answers a one-time challenge with the terminal's proof. The grant's
 * {@code sk} is SK wrapped for the terminal's own key; SK is never sent or stored in clear.
 */
@Path("sessions")
@RequestScoped
@Tag(name = "live")
public class LiveSessionsResource {

    @EJB
    LiveService live;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Open a live session (claims 2 and 3)",
            description = "{terminalId, contentId, challengeId, proof}: the proof over the challenge (docs/live.md §1);"
                    + " then the terminal must be active and its subscriber entitled to the content. 201 with the grant:"
                    + " sessionId, groupId, expiresAt, leaf, sk (SK wrapped for the terminal), ticket (for the edge),"
                    + " keys (the member's PATH key message).")
    @APIResponse(
            responseCode = "201",
            description = "the session grant",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = LiveSessionGrantView.class)))
    @APIResponse(responseCode = "400", description = "validation or malformed-request: a field is missing or too long")
    @APIResponse(
            responseCode = "401",
            description = "unknown-challenge (never issued, or already answered: a replay), expired-challenge,"
                    + " wrong-terminal, bad-proof, unsupported-key")
    @APIResponse(responseCode = "403", description = "terminal-revoked, not-entitled")
    @APIResponse(responseCode = "404", description = "not-found: no such terminal, or no live channel for the content")
    @APIResponse(responseCode = "409", description = "conflict: the session id is taken (retry)")
    @APIResponse(responseCode = "415", description = "unsupported-media-type: the body is not JSON")
    public Response open(LiveSessionRequest request)
            throws LiveProblemException, UnknownEntityException, InvalidRequestException {
        LiveSessionRequest r = body(request);
        String grant = live.open(r.terminalId(), r.contentId(), r.challengeId(), r.proof());
        return Response.status(Response.Status.CREATED)
                .type(MediaType.APPLICATION_JSON)
                .header("Cache-Control", "no-store")
                .entity(json(grant))
                .build();
    }

    @POST
    @Path("{sessionId}/renew")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Renew a live session (claim 7): a new SK for this member alone",
            description = "{terminalId, challengeId, proof}: a new grant (new SK, expiry, ticket, PATH). Only the"
                    + " session's own terminal; the terminal must still be active and entitled.")
    @APIResponse(
            responseCode = "200",
            description = "the new grant",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = LiveSessionGrantView.class)))
    @APIResponse(responseCode = "400", description = "validation or malformed-request")
    @APIResponse(
            responseCode = "401",
            description = "unknown-challenge, expired-challenge, wrong-terminal, bad-proof, unsupported-key")
    @APIResponse(
            responseCode = "403",
            description = "not-your-session: the session is another terminal's; terminal-revoked, not-entitled")
    @APIResponse(responseCode = "404", description = "not-found: the session ended, lapsed or never existed")
    @APIResponse(responseCode = "415", description = "unsupported-media-type")
    public Response renew(@PathParam("sessionId") String sessionId, LiveSessionRequest request)
            throws LiveProblemException, UnknownEntityException, InvalidRequestException {
        LiveSessionRequest r = body(request);
        String grant = live.renew(sessionId, r.terminalId(), r.challengeId(), r.proof());
        return Response.ok(json(grant), MediaType.APPLICATION_JSON)
                .header("Cache-Control", "no-store")
                .build();
    }

    @DELETE
    @Path("{sessionId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Leave a live session",
            description = "{terminalId, challengeId, proof}: the group is rekeyed so that the terminal cannot read"
                    + " what follows.")
    @APIResponse(responseCode = "204", description = "left")
    @APIResponse(responseCode = "400", description = "validation or malformed-request")
    @APIResponse(
            responseCode = "401",
            description = "unknown-challenge, expired-challenge, wrong-terminal, bad-proof, unsupported-key")
    @APIResponse(responseCode = "403", description = "not-your-session")
    @APIResponse(responseCode = "404", description = "not-found: the session ended, lapsed or never existed")
    @APIResponse(responseCode = "415", description = "unsupported-media-type")
    public Response leave(@PathParam("sessionId") String sessionId, LiveSessionRequest request)
            throws LiveProblemException, UnknownEntityException, InvalidRequestException {
        LiveSessionRequest r = body(request);
        live.leave(sessionId, r.terminalId(), r.challengeId(), r.proof());
        return Response.noContent().build();
    }

    @GET
    @Path("{sessionId}/keys")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @Operation(
            summary = "The member's current PATH key message",
            description = "For a terminal that missed key messages (docs/live.md §3.2): its path keys and the"
                    + " traffic key, each wrapped under a key only that member holds.")
    @APIResponse(
            responseCode = "200",
            description = "the PATH key message",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_OCTET_STREAM,
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "403", description = "not-your-session")
    @APIResponse(responseCode = "404", description = "not-found: the session ended, lapsed or never existed")
    public Response keys(@PathParam("sessionId") String sessionId, @QueryParam("terminalId") String terminalId)
            throws LiveProblemException, UnknownEntityException {
        return Response.ok(live.keyPath(sessionId, terminalId), MediaType.APPLICATION_OCTET_STREAM)
                .header("Cache-Control", "no-store")
                .build();
    }

    /** The grant as a JSON object, written as it is whichever JSON provider writes it. */
    private static JsonObject json(String grant) {
        try (JsonReader reader = Json.createReader(new StringReader(grant))) {
            return reader.readObject();
        }
    }

    private static LiveSessionRequest body(LiveSessionRequest request) throws InvalidRequestException {
        if (request == null) {
            throw new InvalidRequestException("a JSON body {terminalId, challengeId, proof} is required");
        }
        return request;
    }
}

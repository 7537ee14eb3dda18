package org.splitcast.portal.api.media;

import static org.splitcast.registry.account.Role.INTEGRATOR_ROLE;
import static org.splitcast.registry.account.Role.OPERATOR_ROLE;
import static org.splitcast.registry.account.Role.SUBSCRIBER_ROLE;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.splitcast.error.AccessDeniedException;
import org.splitcast.error.InvalidRequestException;
import org.splitcast.error.UnknownEntityException;
import org.splitcast.protection.wire.DeliveryProtocol;
import org.splitcast.protection.wire.PathSegments;
import org.splitcast.session.delivery.ComplementaryBody;
import org.splitcast.session.delivery.MediaDelivery;
import org.splitcast.session.delivery.MediaNotReadyException;
import org.splitcast.session.delivery.NoValidLicenseException;

/**
 * {@code GET /api/contents/{contentId}/complementary?terminalId=T&chunks=SEL}: the sealed
 * complementary chunks for a licensed terminal (docs/protected-complementary-format.md §8.2).
 */
@Path("contents/{contentId}/complementary")
@RequestScoped
@Tag(name = "delivery")
public class ComplementaryResource {

    @EJB
    MediaDelivery delivery;

    @GET
    @Produces(DeliveryProtocol.ENVELOPES_MEDIA_TYPE)
    @RolesAllowed({OPERATOR_ROLE, INTEGRATOR_ROLE, SUBSCRIBER_ROLE})
    @Operation(
            summary = "Sealed complementary chunks for a licensed terminal",
            description = "chunks: header, trailer, N or FIRST..LAST (clipped to the last chunk and to 256 chunks)."
                    + " The body is the envelopes, back to back, sealed under the key of the terminal's license;"
                    + " headers Splitcast-Key-Id, Splitcast-Chunk-Count, Splitcast-Chunks, Splitcast-Main-Length."
                    + " 403 no-valid-license without a license valid now; 409 not-ready while the content is"
                    + " ingested or re-sealed under a new key (retry).")
    @APIResponse(
            responseCode = "200",
            description = "The sealed chunks, back to back",
            content =
                    @Content(
                            mediaType = DeliveryProtocol.ENVELOPES_MEDIA_TYPE,
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(
            responseCode = "400",
            description = "validation: terminalId missing, or chunks not header, trailer, N or FIRST..LAST")
    @APIResponse(responseCode = "403", description = "forbidden (another subscriber's terminal) or no-valid-license")
    @APIResponse(responseCode = "409", description = "not-ready: ingest or re-sealing under way; retry")
    public Response chunks(
            @PathParam("contentId") String contentId,
            @QueryParam(DeliveryProtocol.TERMINAL_PARAMETER) String terminalId,
            @QueryParam(DeliveryProtocol.CHUNKS_PARAMETER) String chunks)
            throws UnknownEntityException, AccessDeniedException, InvalidRequestException, NoValidLicenseException,
                    MediaNotReadyException {
        ComplementaryBody body = delivery.complementary(contentId, terminalId, chunks);
        StreamingOutput output = body::writeTo;
        return Response.ok(output, DeliveryProtocol.ENVELOPES_MEDIA_TYPE)
                .header("Content-Length", body.length())
                .header(DeliveryProtocol.KEY_ID_HEADER, PathSegments.encode(body.keyId()))
                .header(DeliveryProtocol.CHUNK_COUNT_HEADER, body.chunkCount())
                .header(DeliveryProtocol.CHUNKS_HEADER, body.chunks())
                .header(DeliveryProtocol.MAIN_LENGTH_HEADER, body.mainLength())
                .header("Cache-Control", "private, no-store")
                .build();
    }
}

package org.splitcast.portal.api.license;

import static org.splitcast.registry.account.Role.OPERATOR_ROLE;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.splitcast.error.InvalidRequestException;
import org.splitcast.error.UnknownEntityException;
import org.splitcast.license.LicenseKeyService;
import org.splitcast.license.LicenseKeyService.SigningKeyView;

/**
 * {@code /api/license-keys}: the public keys that verify access blocks, for anyone (a JWK set, or
 * one key as PEM); the operator lists and rotates them.
 */
@Path("license-keys")
@RequestScoped
@Tag(name = "licenses")
public class LicenseKeysResource {

    public static final String PEM = "application/x-pem-file";

    @EJB
    LicenseKeyService keys;

    @Context
    UriInfo uriInfo;

    @GET
    @PermitAll
    @Produces({"application/jwk-set+json", MediaType.APPLICATION_JSON})
    @Operation(summary = "The server's license verification keys as a JWK set (RFC 7517), no authentication")
    @APIResponse(
            responseCode = "200",
            description = "The JWK set: {keys: [{kty, kid, alg, use, ...}]}",
            content = {
                @Content(mediaType = "application/jwk-set+json", schema = @Schema(type = SchemaType.OBJECT)),
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT))
            })
    public Response keySet() {
        return Response.ok(keys.keySetJson())
                .header("Cache-Control", "public, max-age=300")
                .build();
    }

    @GET
    @Path("{keyId}")
    @PermitAll
    @Produces(PEM)
    @Operation(summary = "One verification key as PEM (SubjectPublicKeyInfo), no authentication")
    public String key(@PathParam("keyId") String keyId) throws UnknownEntityException {
        return keys.publicKeyPem(keyId).orElseThrow(() -> new UnknownEntityException("license signing key", keyId));
    }

    @GET
    @Path("history")
    @RolesAllowed(OPERATOR_ROLE)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every signing key, newest first, with when it was retired")
    public List<SigningKeyView> history() {
        return keys.list();
    }

    @POST
    @RolesAllowed(OPERATOR_ROLE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Rotate the signing key",
            description = "A new key of the given algorithm (PS256, ES256 or EdDSA) signs from now on; the old one"
                    + " stays published until its licenses expire; precomputed blocks it signed are dropped.")
    @APIResponse(
            responseCode = "201",
            description = "The new signing key; Location is its PEM",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SigningKeyView.class)))
    public Response rotate(@NotNull(message = "a body {algorithm} is required") @Valid Rotation rotation)
            throws InvalidRequestException {
        SigningKeyView created = keys.rotate(rotation.algorithm());
        return Response.created(uriInfo.getBaseUriBuilder()
                        .path(LicenseKeysResource.class)
                        .path(created.keyId())
                        .build())
                .entity(created)
                .build();
    }

    /** @param algorithm PS256, ES256 or EdDSA */
    public record Rotation(@NotBlank(message = "algorithm is required") String algorithm) {}
}

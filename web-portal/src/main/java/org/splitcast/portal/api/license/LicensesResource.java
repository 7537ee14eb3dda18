package org.splitcast.portal.api.license;

import static org.splitcast.registry.account.Role.INTEGRATOR_ROLE;
import static org.splitcast.registry.account.Role.OPERATOR_ROLE;
import static org.splitcast.registry.account.Role.SUBSCRIBER_ROLE;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.executable.ExecutableType;
import jakarta.validation.executable.ValidateOnExecution;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.splitcast.error.AccessDeniedException;
import org.splitcast.error.InvalidRequestException;
import org.splitcast.error.UnknownEntityException;
import org.splitcast.license.IssuedLicense;
import org.splitcast.license.LicenseIssuer;
import org.splitcast.license.LicenseRefusedException;
import org.splitcast.license.LicenseRequest;
import org.splitcast.portal.api.problem.Problems;

/**
 * {@code POST /api/licenses}: a license for one terminal and one content.
 *
 * <p>The hottest request of the server (issue 12), so: one instance for the application (no bean
 * and no interceptor instances made per request), and the body validated once, here, where it was
 * validated twice (by RESTEasy and by the Bean Validation CDI interceptor) with the same answer.
 */
@Path("licenses")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "licenses")
public class LicensesResource {

    /** Says whether the access block was found in the precomputed store or computed now. */
    public static final String ACCESS_HEADER = "Splitcast-Access";

    /** Licenses the subscriber may still get for the content within its window; absent if unlimited. */
    public static final String PLAYS_LEFT_HEADER = "Splitcast-Plays-Left";

    private static final Method ISSUE;

    static {
        try {
            ISSUE = LicensesResource.class.getMethod("issue", LicenseRequest.class);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @EJB
    LicenseIssuer issuer;

    @Inject
    Validator validator;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({OPERATOR_ROLE, INTEGRATOR_ROLE, SUBSCRIBER_ROLE})
    @Operation(
            summary = "Issue a license (docs/license-format.md)",
            description = "A subscriber may ask for their own terminals only; integrators for any. Refusals:"
                    + " not-entitled, terminal-revoked, play-limit-reached (403), nonce-reused (409, a nonce the"
                    + " terminal already sent within a license's validity), too-many-in-flight (429).")
    @APIResponse(
            responseCode = "200",
            description = "The license",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = LicenseDocument.class)),
            headers = {
                @Header(name = ACCESS_HEADER, description = "precomputed or computed"),
                @Header(
                        name = PLAYS_LEFT_HEADER,
                        description = "licenses the subscriber may still get for this content within the"
                                + " rules' window after this one; absent when plays are unlimited")
            })
    @APIResponse(responseCode = "400", description = "validation: a field is missing or malformed")
    @APIResponse(
            responseCode = "403",
            description = "forbidden (another subscriber's terminal), not-entitled, terminal-revoked or"
                    + " play-limit-reached")
    @APIResponse(responseCode = "404", description = "not-found: no such terminal or content")
    @APIResponse(
            responseCode = "409",
            description = "nonce-reused: the terminal already sent this nonce within a license's validity",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(
            responseCode = "429",
            description = "too-many-in-flight: the subscriber already has the allowed number of license requests"
                    + " in progress; or too-many-login-attempts (Retry-After); retry")
    @ValidateOnExecution(type = ExecutableType.NONE)
    public Response issue(
            @NotNull(message = "a body {contentId, terminalId, nonce} is required") @Valid LicenseRequest request)
            throws UnknownEntityException, LicenseRefusedException, InvalidRequestException, AccessDeniedException {
        // the parameter's own constraints, checked as the container would (same paths, same problem)
        Set<ConstraintViolation<LicensesResource>> violations =
                validator.forExecutables().validateParameters(this, ISSUE, new Object[] {request});
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        IssuedLicense license = issuer.issue(request);
        Response.ResponseBuilder response = Response.ok(LicenseDocument.of(license))
                .header(ACCESS_HEADER, license.source().headerValue())
                .header("Cache-Control", "no-store");
        if (license.playsLeft() != null) {
            response.header(PLAYS_LEFT_HEADER, license.playsLeft());
        }
        return response.build();
    }
}

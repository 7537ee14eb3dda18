package org.splitcast.portal.api;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.splitcast.registry.account.Role;

/** The REST API's root: everything under {@code /api}, every call authenticated (HTTP Basic). */
@ApplicationPath("/api")
@DeclareRoles({Role.OPERATOR_ROLE, Role.INTEGRATOR_ROLE, Role.SUBSCRIBER_ROLE})
@OpenAPIDefinition(
        info =
                @Info(
                        title = "splitcast API",
                        version = "1",
                        description =
                                "Subscribers, terminals, contents, packages and entitlements of a splitcast server."
                                        + " Errors are RFC 9457 problem details (application/problem+json) whose `type` is one of"
                                        + " https://splitcast.org/problems/{validation, malformed-request, invalid-key,"
                                        + " unauthenticated, forbidden, not-entitled, terminal-revoked, play-limit-reached,"
                                        + " no-valid-license, not-found, method-not-allowed, not-acceptable, conflict, not-ready,"
                                        + " payload-too-large, unsupported-media-type, too-many-in-flight, internal,"
                                        + " insufficient-storage} (docs/problems.md). Every operation declares the statuses it"
                                        + " answers (docs/api-contract.md).",
                        license = @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0")),
        security = @SecurityRequirement(name = "basic"))
@SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
public class SplitcastApplication extends Application {}

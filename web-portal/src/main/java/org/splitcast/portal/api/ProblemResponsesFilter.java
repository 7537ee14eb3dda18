package org.splitcast.portal.api;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.splitcast.portal.api.problem.Problems;

/**
 * Documents the error contract once for the whole API: a {@code Problem} schema (RFC 9457) and the
 * problem responses every operation can give (400, 401, 403, 404, 429, 500; and 409, 413 for those
 * that take a body), added to each operation of the generated OpenAPI document (registered with {@code mp.openapi.filter}).
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final Map<String, String> RESPONSES = Map.of(
            "400", "Invalid or malformed request (validation, malformed-request, invalid-key)",
            "401", "No or invalid credentials (unauthenticated)",
            "403", "Role not allowed, or another subscriber's data (forbidden)",
            "404", "No such resource (not-found)",
            "429",
                    "Too many failed sign-ins for the account or address, or password checks in progress"
                            + " (too-many-login-attempts, with Retry-After)",
            "500", "Server error (internal); the body carries errorId");
    /** For operations that take a body (RequestLimits, StrictJson). */
    private static final Map<String, String> BODY_RESPONSES =
            Map.of("413", "The request body is larger than the API accepts (payload-too-large)");
    /** For operations that create (POST): a concurrent creation of the same id. */
    private static final Map<String, String> CREATE_RESPONSES =
            Map.of("409", "It already exists, or was created at the same moment by another request (conflict)");

    @Override
    public Operation filterOperation(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        add(responses, RESPONSES);
        if (operation.getRequestBody() != null) {
            add(responses, BODY_RESPONSES);
            add(responses, CREATE_RESPONSES);
        }
        return operation;
    }

    private static void add(APIResponses responses, Map<String, String> problems) {
        for (Map.Entry<String, String> entry : problems.entrySet()) {
            if (responses.getAPIResponse(entry.getKey()) == null) {
                responses.addAPIResponse(entry.getKey(), problemResponse(entry.getValue()));
            }
        }
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        components.addSchema("Problem", problemSchema());
    }

    private static APIResponse problemResponse(String description) {
        return OASFactory.createAPIResponse()
                .description(description)
                .content(OASFactory.createContent()
                        .addMediaType(
                                Problems.MEDIA_TYPE,
                                OASFactory.createMediaType()
                                        .schema(OASFactory.createSchema().ref(PROBLEM_REF))));
    }

    private static Schema problemSchema() {
        Schema string = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details; `type` is stable (docs/problems.md)")
                .addProperty(
                        "type",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .format("uri"))
                .addProperty("title", string)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", string)
                .addProperty("instance", string)
                .addProperty("code", string)
                .addProperty(
                        "errors",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.ARRAY)
                                .items(OASFactory.createSchema()
                                        .addType(Schema.SchemaType.OBJECT)
                                        .addProperty("field", string)
                                        .addProperty("message", string)))
                .addProperty("errorId", string);
    }
}

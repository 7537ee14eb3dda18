package org.splitcast.portal.api;

import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.splitcast.portal.api.problem.Problems;

/**
 * Documents the error contract once for the whole API (registered with {@code mp.openapi.filter};
 * docs/api-contract.md):
 *
 * <ul>
 *   <li>a {@code Problem} schema (RFC 9457, docs/problems.md);
 *   <li>the problem responses every operation can give: 401 (no or wrong credentials), 403 (role or
 *       ownership), 406 (an {@code Accept} the operation cannot produce), 429 (failed sign-ins
 *       throttled), 500 (with an error id); 400, 413 and 415 for every operation that takes a body, 400 for every one with query parameters,
 *       404 for every one with path parameters;
 *   <li>every error response an operation declares itself (409, 413, 429, ...) gets the problem
 *       body, and every {@code 201} the {@code Location} header of what it created.
 * </ul>
 *
 * A status only some operations answer is declared on the resource method with {@code @APIResponse};
 * {@code ApiContractCheck} fails when the integration tests observe a status that is declared in
 * neither place.
 */
public class ProblemResponsesFilter implements OASFilter {

    static final String PROBLEM_REF = "#/components/schemas/Problem";

    /** What every operation can answer. */
    static final Map<String, String> EVERY_OPERATION = ordered(
            "401", "unauthenticated: no or invalid credentials (with WWW-Authenticate)",
            "403", "forbidden: the role may not do this, or another subscriber's data",
            "406", "not-acceptable: the Accept header names no media type this operation produces",
            "429",
                    "too-many-login-attempts: too many failed sign-ins for the account or from the address, or too"
                            + " many password checks in progress (with Retry-After)",
            "500", "internal: a failure inside the server; the body carries errorId");

    /** What an operation that takes a body can answer too. */
    static final Map<String, String> WITH_BODY = ordered(
            "400", "validation (with errors[]) or malformed-request: the body breaks a rule or is not readable",
            "413", "payload-too-large: the body is larger than the API accepts (splitcast.api.max-body-bytes)",
            "415", "unsupported-media-type: the body is not of a media type this operation consumes");

    static final String BAD_QUERY =
            "validation (with errors[]): a query parameter is out of range or of the wrong type";
    static final String NOT_FOUND = "not-found: no such resource (a path parameter names nothing)";

    @Override
    public Operation filterOperation(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        addMissing(responses, EVERY_OPERATION);
        if (operation.getRequestBody() != null) {
            addMissing(responses, WITH_BODY);
        }
        if (operation.getParameters() != null) {
            for (Parameter parameter : operation.getParameters()) {
                if (parameter.getIn() == Parameter.In.QUERY) {
                    addMissing(responses, Map.of("400", BAD_QUERY));
                }
                if (parameter.getIn() == Parameter.In.PATH) {
                    addMissing(responses, Map.of("404", NOT_FOUND));
                }
            }
        }
        for (Map.Entry<String, APIResponse> entry : responses.getAPIResponses().entrySet()) {
            APIResponse response = entry.getValue();
            if (response.getRef() != null) {
                continue;
            }
            if (isError(entry.getKey())
                    && (response.getContent() == null
                            || response.getContent().getMediaTypes().isEmpty())) {
                response.setContent(problemContent());
            }
            if (entry.getKey().equals("201")
                    && (response.getHeaders() == null || !response.getHeaders().containsKey("Location"))) {
                response.addHeader(
                        "Location",
                        OASFactory.createHeader()
                                .description("the URI of what was created")
                                .schema(OASFactory.createSchema()
                                        .addType(Schema.SchemaType.STRING)
                                        .format("uri")));
            }
        }
        return operation;
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

    private static void addMissing(APIResponses responses, Map<String, String> statuses) {
        for (Map.Entry<String, String> entry : statuses.entrySet()) {
            if (responses.getAPIResponse(entry.getKey()) == null) {
                responses.addAPIResponse(
                        entry.getKey(),
                        OASFactory.createAPIResponse()
                                .description(entry.getValue())
                                .content(problemContent()));
            }
        }
    }

    private static boolean isError(String status) {
        return status.startsWith("4") || status.startsWith("5");
    }

    static Content problemContent() {
        return OASFactory.createContent()
                .addMediaType(
                        Problems.MEDIA_TYPE,
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref(PROBLEM_REF)));
    }

    private static Map<String, String> ordered(String... statusAndDescription) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < statusAndDescription.length; i += 2) {
            map.put(statusAndDescription[i], statusAndDescription[i + 1]);
        }
        return map;
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
                                .description("validation problems: each field in error and why (always present)")
                                .items(OASFactory.createSchema()
                                        .addType(Schema.SchemaType.OBJECT)
                                        .addProperty("field", string)
                                        .addProperty("message", string)))
                .addProperty(
                        "errorId",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .description("internal: the id under which the server logged the cause"));
    }
}

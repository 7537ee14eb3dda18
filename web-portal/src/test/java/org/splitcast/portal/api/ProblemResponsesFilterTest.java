package org.splitcast.portal.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.junit.jupiter.api.Test;
import org.splitcast.portal.api.problem.Problems;

/** The statuses every operation gets from the filter, and what it adds to the ones resources declare. */
class ProblemResponsesFilterTest {

    private final ProblemResponsesFilter filter = new ProblemResponsesFilter();

    @Test
    void aGetWithoutParametersGetsTheStatusesEveryOperationCanAnswerAndNoOthers() {
        Operation op = filter.filterOperation(OASFactory.createOperation()
                .responses(OASFactory.createAPIResponses().addAPIResponse("200", ok())));
        assertEquals(Set.of("200", "401", "403", "406", "429", "500"), statuses(op));
        for (String status : List.of("401", "403", "406", "429", "500")) {
            assertProblem(op.getResponses().getAPIResponse(status));
        }
    }

    @Test
    void aBodyBringsValidationAndUnsupportedMediaTypeQueryParametersValidationPathParametersNotFound() {
        Operation withBody =
                filter.filterOperation(OASFactory.createOperation().requestBody(OASFactory.createRequestBody()));
        assertTrue(statuses(withBody).containsAll(Set.of("400", "413", "415")), statuses(withBody)::toString);
        assertFalse(statuses(withBody).contains("404"));

        Operation withQuery = filter.filterOperation(OASFactory.createOperation()
                .addParameter(OASFactory.createParameter().name("limit").in(Parameter.In.QUERY)));
        assertTrue(statuses(withQuery).contains("400"));
        assertFalse(statuses(withQuery).contains("415"), "no body, no 415");

        Operation withPath = filter.filterOperation(OASFactory.createOperation()
                .addParameter(OASFactory.createParameter().name("id").in(Parameter.In.PATH)));
        assertTrue(statuses(withPath).contains("404"));
        assertFalse(statuses(withPath).contains("400"), "a path parameter alone is no 400");
    }

    @Test
    void declaredErrorsGetTheProblemBodyAndKeepTheirDescriptionCreatedGetsLocation() {
        Operation op = filter.filterOperation(OASFactory.createOperation()
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("201", ok())
                        .addAPIResponse("409", OASFactory.createAPIResponse().description("conflict: the id exists"))
                        .addAPIResponse("429", OASFactory.createAPIResponse().description("too-many-in-flight"))));
        assertEquals(
                "conflict: the id exists",
                op.getResponses().getAPIResponse("409").getDescription());
        assertProblem(op.getResponses().getAPIResponse("409"));
        assertProblem(op.getResponses().getAPIResponse("429"));
        assertNotNull(op.getResponses().getAPIResponse("201").getHeaders().get("Location"));
        assertNull(
                op.getResponses().getAPIResponse("201").getContent().getMediaType(Problems.MEDIA_TYPE),
                "a success keeps its own body");
    }

    @Test
    void aStatusAResourceDeclaresIsNotOverwritten() {
        APIResponse own = OASFactory.createAPIResponse().description("forbidden or not-entitled");
        Operation op = filter.filterOperation(OASFactory.createOperation()
                .responses(OASFactory.createAPIResponses().addAPIResponse("403", own)));
        assertEquals(
                "forbidden or not-entitled",
                op.getResponses().getAPIResponse("403").getDescription());
    }

    @Test
    void theDocumentGetsTheProblemSchemaWithErrors() {
        OpenAPI openAPI = OASFactory.createOpenAPI();
        filter.filterOpenAPI(openAPI);
        Schema problem = openAPI.getComponents().getSchemas().get("Problem");
        assertEquals(
                new TreeSet<>(List.of("type", "title", "status", "detail", "instance", "code", "errors", "errorId")),
                new TreeSet<>(problem.getProperties().keySet()));
        assertEquals(
                List.of(Schema.SchemaType.ARRAY),
                problem.getProperties().get("errors").getType());
    }

    private static APIResponse ok() {
        return OASFactory.createAPIResponse()
                .description("ok")
                .content(OASFactory.createContent()
                        .addMediaType(
                                "application/json",
                                OASFactory.createMediaType()
                                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.OBJECT))));
    }

    private static Set<String> statuses(Operation op) {
        return new TreeSet<>(op.getResponses().getAPIResponses().keySet());
    }

    private static void assertProblem(APIResponse response) {
        assertEquals(
                ProblemResponsesFilter.PROBLEM_REF,
                response.getContent()
                        .getMediaType(Problems.MEDIA_TYPE)
                        .getSchema()
                        .getRef());
    }
}

package org.splitcast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.splitcast.it.support.Api.get;
import static org.splitcast.it.support.Api.post;

import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.splitcast.it.support.Api;
import org.splitcast.it.support.Api.Credentials;
import org.splitcast.it.support.DeployedEar;

/** Every error is an RFC 9457 problem with a stable type and the right status, and never a stack trace. */
class ProblemDetailsIT extends DeployedEar {

    @Test
    void malformedJsonIsA400MalformedRequest() {
        JsonObject problem = post(Credentials.OPERATOR, "/api/subscribers", "{\"displayName\": ")
                .expectProblem(400, "malformed-request");

        assertEquals("/api/subscribers", problem.getString("instance"));
    }

    @Test
    void wrongJsonShapesAreMalformedRequests() {
        post(Credentials.OPERATOR, "/api/subscribers", "[1, 2, 3]").expectProblem(400, "malformed-request");
        post(
                        Credentials.OPERATOR,
                        "/api/contents",
                        """
                {"title": "x", "genre": "drama", "durationSeconds": "long"}""")
                .expectProblem(400, "malformed-request");
        JsonObject misspelt = post(
                        Credentials.OPERATOR,
                        "/api/contents",
                        """
                {"title": "x", "genre": "drama", "durationSeconds": 60, "rule": {"maxPlays": 1}}""")
                .expectProblem(400, "malformed-request");
        assertTrue(misspelt.getString("detail").contains("rule"), "names the unknown property: " + misspelt);
    }

    @Test
    void unknownIdsAre404NotFound() {
        String nobody = Api.unique("nobody");
        for (String path : List.of(
                "/api/subscribers/" + nobody,
                "/api/subscribers/" + nobody + "/terminals",
                "/api/terminals/" + nobody,
                "/api/contents/" + nobody,
                "/api/packages/" + nobody)) {
            JsonObject problem = get(Credentials.OPERATOR, path).expectProblem(404, "not-found");
            assertTrue(problem.getString("detail").contains(nobody), problem.toString());
            assertEquals(path, problem.getString("instance"));
        }
    }

    @Test
    void fieldErrorsListEveryField() {
        JsonObject problem = post(
                        Credentials.OPERATOR,
                        "/api/subscribers",
                        """
                {"id": "has space", "displayName": "", "username": "UPPER", "password": "short",
                 "demographics": {"ageBand": "30", "country": "fr", "category": "Premium"}}""")
                .expectProblem(400, "validation");

        List<String> fields = problem.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field"))
                .toList();
        assertEquals(
                List.of(
                        "demographics.ageBand",
                        "demographics.category",
                        "demographics.country",
                        "displayName",
                        "id",
                        "password",
                        "username"),
                fields);
    }

    @Test
    void missingBodyIsAValidationProblem() {
        post(Credentials.OPERATOR, "/api/subscribers", "").expectProblem(400, "validation");
    }

    @Test
    void unsupportedMethodAndMediaTypeAndUnknownPath() {
        Api.Reply put = Api.send("PUT", Credentials.OPERATOR, "/api/subscribers", "application/json", "{}");
        put.expectProblem(405, "method-not-allowed");
        assertTrue(put.header("Allow").contains("POST"), put.header("Allow"));

        Api.send("POST", Credentials.OPERATOR, "/api/subscribers", "text/plain", "hello")
                .expectProblem(415, "unsupported-media-type");
        get(Credentials.OPERATOR, "/api/no/such/path").expectProblem(404, "not-found");
    }

    @Test
    void anAcceptTheOperationCannotProduceIsNotAcceptableNotAnUnsupportedMediaType() {
        JsonObject problem =
                Api.getAccepting(Credentials.OPERATOR, "/api/me", "text/csv").expectProblem(406, "not-acceptable");
        assertEquals("Not acceptable", problem.getString("title"));
    }

    @Test
    void badQueryParametersAreValidationProblems() {
        get(Credentials.OPERATOR, "/api/subscribers?limit=0").expectProblem(400, "validation");
        get(Credentials.OPERATOR, "/api/subscribers?offset=-1").expectProblem(400, "validation");
        get(Credentials.OPERATOR, "/api/contents?genre=Bad%20Genre").expectProblem(400, "validation");
        get(Credentials.OPERATOR, "/api/subscribers?limit=abc").expectProblem(400, "malformed-request");
    }
}

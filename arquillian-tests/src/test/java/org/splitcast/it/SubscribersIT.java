package org.splitcast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.splitcast.it.support.Api.delete;
import static org.splitcast.it.support.Api.get;
import static org.splitcast.it.support.Api.post;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.splitcast.it.support.Api;
import org.splitcast.it.support.Api.Credentials;
import org.splitcast.it.support.DeployedEar;

/** Subscribers over HTTP: create, read, list, delete, and what deleting takes along. */
class SubscribersIT extends DeployedEar {

    @Test
    void integratorCreatesReadsAndDeletesASubscriber() {
        String id = Api.unique("sub");
        Api.Reply created = post(
                        Credentials.INTEGRATOR,
                        "/api/subscribers",
                        """
                {"id": "%s", "displayName": "  Zoé Dupont ", "username": "%s", "password": "correct horse",
                 "demographics": {"ageBand": "35-44", "country": "BE", "category": "family"}}
                """
                                .formatted(id, id))
                .expect(201);

        assertEquals(Api.BASE + "/api/subscribers/" + id, created.header("Location"));
        JsonObject body = created.json();
        assertEquals(id, body.getString("id"));
        assertEquals("Zoé Dupont", body.getString("displayName"));
        assertEquals("BE", body.getJsonObject("demographics").getString("country"));
        assertFalse(body.containsKey("password"), "the password never comes back");

        JsonObject read =
                get(Credentials.OPERATOR, "/api/subscribers/" + id).expect(200).json();
        assertEquals("35-44", read.getJsonObject("demographics").getString("ageBand"));
        assertEquals(id, read.getString("username"));

        delete(Credentials.INTEGRATOR, "/api/subscribers/" + id).expect(204);
        get(Credentials.OPERATOR, "/api/subscribers/" + id).expectProblem(404, "not-found");
    }

    @Test
    void subscriberLogsInWithTheCreatedAccountAndLosesItWhenDeleted() {
        String id = Api.unique("login");
        Credentials subscriber = Api.newSubscriber(id);

        JsonObject me = get(subscriber, "/api/me").expect(200).json();
        assertEquals("subscriber", me.getString("role"));
        assertEquals(id, me.getString("subscriberId"));

        delete(Credentials.OPERATOR, "/api/subscribers/" + id).expect(204);
        get(subscriber, "/api/me").expectProblem(401, "unauthenticated");
    }

    @Test
    void deletingASubscriberTakesTheirTerminalsAndEntitlementsAlong() {
        String id = Api.unique("cascade");
        Api.newSubscriber(id);
        String terminal = Api.unique("term");
        post(
                        Credentials.OPERATOR,
                        "/api/subscribers/" + id + "/terminals",
                        """
                {"id": "%s", "label": "TV", "keyType": "AES_256"}""".formatted(terminal))
                .expect(201);
        post(
                        Credentials.OPERATOR,
                        "/api/subscribers/" + id + "/entitlements",
                        """
                {"packageId": "basic"}""")
                .expect(201);

        delete(Credentials.OPERATOR, "/api/subscribers/" + id).expect(204);

        get(Credentials.OPERATOR, "/api/terminals/" + terminal).expectProblem(404, "not-found");
        get(Credentials.OPERATOR, "/api/subscribers/" + id + "/entitlements").expectProblem(404, "not-found");
    }

    @Test
    void duplicateIdOrUsernameIsAConflictAndWritesNothing() {
        String id = Api.unique("dup");
        Api.newSubscriber(id);
        String other = Api.unique("dup");

        String again =
                """
                {"id": "%s", "displayName": "Again", "username": "%s", "password": "password-1",
                 "demographics": {"ageBand": "25-34", "country": "FR", "category": "premium"}}""";

        post(Credentials.OPERATOR, "/api/subscribers", again.formatted(id, other))
                .expectProblem(409, "conflict");
        post(Credentials.OPERATOR, "/api/subscribers", again.formatted(other, id))
                .expectProblem(409, "conflict");

        get(Credentials.OPERATOR, "/api/subscribers/" + other).expectProblem(404, "not-found");
    }

    @Test
    void generatedIdWhenNoneIsGiven() {
        String username = Api.unique("gen");
        JsonObject created = post(
                        Credentials.OPERATOR,
                        "/api/subscribers",
                        """
                {"displayName": "No id", "username": "%s", "password": "password-1",
                 "demographics": {"ageBand": "65+", "country": "JP", "category": "standard"}}
                """
                                .formatted(username))
                .expect(201)
                .json();

        assertTrue(created.getString("id").matches("[0-9a-f-]{36}"), created.getString("id"));
        get(Credentials.OPERATOR, "/api/subscribers/" + created.getString("id")).expect(200);
    }

    @Test
    void listIsPagedAndCountsEveryone() {
        Api.newSubscriber(Api.unique("page"));
        Api.newSubscriber(Api.unique("page"));

        JsonObject page = get(Credentials.OPERATOR, "/api/subscribers?offset=1&limit=2")
                .expect(200)
                .json();

        assertEquals(2, page.getJsonArray("items").size());
        assertEquals(1, page.getInt("offset"));
        assertEquals(2, page.getInt("limit"));
        assertTrue(page.getJsonNumber("total").longValue() >= 5, "3 demo subscribers and 2 new ones");
    }

    @Test
    void unknownCountryIsRefused() {
        JsonObject problem = post(
                        Credentials.OPERATOR,
                        "/api/subscribers",
                        """
                {"displayName": "X", "username": "%s", "password": "password-1",
                 "demographics": {"ageBand": "25-34", "country": "ZZ", "category": "premium"}}
                """
                                .formatted(Api.unique("zz")))
                .expectProblem(400, "validation");

        assertTrue(problem.getString("detail").contains("ZZ"), problem.toString());
    }
}

package org.splitcast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.splitcast.it.support.Api.delete;
import static org.splitcast.it.support.Api.get;
import static org.splitcast.it.support.Api.post;
import static org.splitcast.it.support.Api.put;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.splitcast.it.support.Api;
import org.splitcast.it.support.Api.Credentials;
import org.splitcast.it.support.DeployedEar;

/** Contents, packages and entitlements over HTTP. */
class CatalogueIT extends DeployedEar {

    @Test
    void operatorAddsAContentWithRulesAndAKeyIdThatEveryoneCanRead() {
        String id = Api.unique("movie");
        Api.Reply created = post(
                        Credentials.OPERATOR,
                        "/api/contents",
                        """
                {"id": "%s", "title": "A Film", "genre": "drama", "durationSeconds": 5400,
                 "rules": {"maxPlays": 3, "rentalWindowHours": 48, "recordingAllowed": false}}
                """
                                .formatted(id))
                .expect(201);

        assertEquals(Api.BASE + "/api/contents/" + id, created.header("Location"));
        JsonObject content =
                get(Credentials.ALICE, "/api/contents/" + id).expect(200).json();
        assertEquals("A Film", content.getString("title"));
        assertEquals(3, content.getJsonObject("rules").getInt("maxPlays"));
        assertEquals(48, content.getJsonObject("rules").getInt("rentalWindowHours"));
        assertFalse(content.getJsonObject("rules").getBoolean("recordingAllowed"));
        assertTrue(content.getString("currentKeyId").matches("[0-9a-f-]{36}"), "a key id, not a key");
        assertEquals(created.json().getString("currentKeyId"), content.getString("currentKeyId"));
    }

    @Test
    void catalogueListsByGenreAndPages() {
        String genre = "genre-" + Api.unique("g").substring(2);
        for (int i = 0; i < 3; i++) {
            post(
                            Credentials.OPERATOR,
                            "/api/contents",
                            """
                    {"title": "Episode %d", "genre": "%s", "durationSeconds": 1200}"""
                                    .formatted(i, genre))
                    .expect(201);
        }

        JsonObject page = get(Credentials.BOB, "/api/contents?genre=" + genre + "&limit=2")
                .expect(200)
                .json();

        assertEquals(3, page.getJsonNumber("total").intValue());
        assertEquals(2, page.getJsonArray("items").size());
        assertTrue(page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .allMatch(c -> c.getString("genre").equals(genre)));
    }

    @Test
    void packagesGroupContentsAndFollowTheirChanges() {
        String pkg = Api.unique("pack");
        String a = createContent();
        String b = createContent();

        post(
                        Credentials.OPERATOR,
                        "/api/packages",
                        """
                {"id": "%s", "name": "Test pack", "contentIds": ["%s"]}"""
                                .formatted(pkg, a))
                .expect(201);
        put(Credentials.OPERATOR, "/api/packages/" + pkg + "/contents/" + b).expect(200);
        assertEquals(List.of(a, b).stream().sorted().toList(), contentIds(pkg));
        assertTrue(get(Credentials.OPERATOR, "/api/contents/" + b)
                .expect(200)
                .json()
                .getJsonArray("packageIds")
                .getValuesAs(JsonString.class)
                .stream()
                .anyMatch(s -> s.getString().equals(pkg)));

        delete(Credentials.OPERATOR, "/api/packages/" + pkg + "/contents/" + a).expect(200);
        delete(Credentials.OPERATOR, "/api/contents/" + b).expect(204);
        assertEquals(List.of(), contentIds(pkg));

        post(
                        Credentials.OPERATOR,
                        "/api/packages",
                        """
                {"id": "%s", "name": "Same id"}""".formatted(pkg))
                .expectProblem(409, "conflict");
        post(
                        Credentials.OPERATOR,
                        "/api/packages",
                        """
                {"id": "%s", "name": "Unknown content", "contentIds": ["no-such-content"]}"""
                                .formatted(Api.unique("p")))
                .expectProblem(404, "not-found");
    }

    @Test
    void entitlementsArePurchasesOrPackagesWithAValidityWindow() {
        String subscriber = Api.unique("ent");
        Credentials owner = Api.newSubscriber(subscriber);
        String content = createContent();
        String path = "/api/subscribers/" + subscriber + "/entitlements";
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        JsonObject purchase = post(
                        Credentials.INTEGRATOR,
                        path,
                        """
                {"contentId": "%s", "validUntil": "%s"}"""
                                .formatted(content, now.plus(2, ChronoUnit.DAYS)))
                .expect(201)
                .json();
        JsonObject future = post(
                        Credentials.INTEGRATOR,
                        path,
                        """
                {"packageId": "sports", "validFrom": "%s"}"""
                                .formatted(now.plus(30, ChronoUnit.DAYS)))
                .expect(201)
                .json();

        assertEquals("PURCHASE", purchase.getString("kind"));
        assertTrue(purchase.getBoolean("validNow"));
        assertEquals("PACKAGE", future.getString("kind"));
        assertFalse(future.getBoolean("validNow"), "starts in 30 days");
        JsonArray listed = get(owner, path).expect(200).array();
        assertEquals(2, listed.size());

        delete(Credentials.INTEGRATOR, path + "/" + purchase.getString("id")).expect(204);
        assertEquals(1, get(owner, path).expect(200).array().size());
        delete(Credentials.INTEGRATOR, path + "/" + purchase.getString("id")).expectProblem(404, "not-found");
    }

    @Test
    void entitlementMustNameExactlyOneTargetAndEndAfterItStarts() {
        String subscriber = Api.unique("bad");
        Api.newSubscriber(subscriber);
        String path = "/api/subscribers/" + subscriber + "/entitlements";
        Instant now = Instant.now();

        post(Credentials.OPERATOR, path, "{}").expectProblem(400, "validation");
        post(Credentials.OPERATOR, path, """
                {"contentId": "sintel", "packageId": "basic"}""")
                .expectProblem(400, "validation");
        post(
                        Credentials.OPERATOR,
                        path,
                        """
                {"packageId": "basic", "validFrom": "%s", "validUntil": "%s"}"""
                                .formatted(now, now.minusSeconds(60)))
                .expectProblem(400, "validation");
        post(Credentials.OPERATOR, path, """
                {"contentId": "no-such-content"}""")
                .expectProblem(404, "not-found");
        post(Credentials.OPERATOR, path, """
                {"packageId": "basic", "validFrom": "not a date"}""")
                .expectProblem(400, "malformed-request");

        assertEquals(0, get(Credentials.OPERATOR, path).expect(200).array().size(), "nothing half-written");
    }

    @Test
    void contentFieldsAreValidated() {
        JsonObject problem = post(
                        Credentials.OPERATOR,
                        "/api/contents",
                        """
                {"title": "", "genre": "Not A Slug", "durationSeconds": -5, "rules": {"maxPlays": 0}}""")
                .expectProblem(400, "validation");

        List<String> fields = problem.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field"))
                .toList();
        assertEquals(List.of("durationSeconds", "genre", "rules.maxPlays", "title"), fields);
    }

    private static String createContent() {
        return post(
                        Credentials.OPERATOR,
                        "/api/contents",
                        """
                        {"title": "Short", "genre": "documentary", "durationSeconds": 600}""")
                .expect(201)
                .json()
                .getString("id");
    }

    private static List<String> contentIds(String pkg) {
        return get(Credentials.ALICE, "/api/packages/" + pkg)
                .expect(200)
                .json()
                .getJsonArray("contentIds")
                .getValuesAs(JsonString.class)
                .stream()
                .map(JsonString::getString)
                .toList();
    }
}

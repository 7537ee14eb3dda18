package org.splitcast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.splitcast.it.support.Api.get;
import static org.splitcast.it.support.Api.post;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.splitcast.it.support.Api;
import org.splitcast.it.support.Api.Credentials;
import org.splitcast.it.support.DeployedEar;
import org.splitcast.it.support.Licensing;
import org.splitcast.it.support.Licensing.Subscriber;
import org.splitcast.it.support.Licensing.SymmetricTerminal;
import org.splitcast.it.support.Precompute;

/** What the portal asks of the API beyond the rest: ready marks, catalogue search, genres, plays left. */
class PortalApiIT extends DeployedEar {

    @Test
    void recommendationsForATerminalSayWhichArePrecomputed() {
        Subscriber ann = Subscriber.create("ready");
        String a = Licensing.content(null);
        String b = Licensing.content(null);
        Licensing.entitle(ann.id(), a);
        Licensing.entitle(ann.id(), b);
        SymmetricTerminal tv = Licensing.symmetricTerminal(ann.id());
        Precompute.rebuildModel();
        String path = "/api/subscribers/" + ann.id() + "/recommendations?limit=20&terminalId=";

        Map<String, Boolean> before =
                ready(get(ann.credentials(), path + tv.id()).expect(200).json());
        assertEquals(Map.of(a, false, b, false), before);

        Licensing.precompute(ann.id(), a);
        Map<String, Boolean> after =
                ready(get(ann.credentials(), path + tv.id()).expect(200).json());
        assertEquals(Map.of(a, true, b, false), after, "only the precomputed content is ready");
        // and what "ready" promises: the license is served from the store
        Api.Reply license = post(ann.credentials(), "/api/licenses", Licensing.requestBody(a, tv.id(), nonce()))
                .expect(200);
        assertEquals("precomputed", license.header("Splitcast-Access"));

        // blocks are per terminal: one registered after the precompute has none
        Licensing.precompute(ann.id(), b);
        assertEquals(
                true,
                ready(get(ann.credentials(), path + tv.id()).expect(200).json()).get(b));
        SymmetricTerminal late = Licensing.symmetricTerminal(ann.id());
        assertEquals(
                false,
                ready(get(ann.credentials(), path + late.id()).expect(200).json())
                        .get(b));
        // a new content key makes the stored block useless: no longer ready
        post(Credentials.OPERATOR, "/api/contents/" + b + "/keys", "").expect(200);
        assertEquals(
                false,
                ready(get(ann.credentials(), path + tv.id()).expect(200).json()).get(b));
        // the list without a terminal carries no marks
        JsonObject whole = get(ann.credentials(), "/api/subscribers/" + ann.id() + "/recommendations")
                .expect(200)
                .json();
        assertFalse(whole.getJsonArray("items").getJsonObject(0).containsKey("ready"));
        get(Credentials.BOB, path + tv.id()).expectProblem(403, "forbidden");
        get(ann.credentials(), "/api/subscribers/" + ann.id() + "/recommendations?terminalId=alice-tv")
                .expectProblem(404, "not-found");
    }

    @Test
    void theCatalogueCanBeSearchedByTitleWithinAGenre() {
        String id = Api.unique("needle");
        post(
                        Credentials.OPERATOR,
                        "/api/contents",
                        """
                        {"id": "%s", "title": "The 100%% Haystack_Needle", "genre": "documentary", "durationSeconds": 60}"""
                                .formatted(id))
                .expect(201);
        List<String> found = ids(
                get(Credentials.ALICE, "/api/contents?q=haystack_n").expect(200).json());
        assertEquals(List.of(id), found);
        assertEquals(
                List.of(id),
                ids(get(Credentials.ALICE, "/api/contents?q=100%25%20HAY")
                        .expect(200)
                        .json()));
        assertEquals(
                List.of(id),
                ids(get(Credentials.ALICE, "/api/contents?q=needle&genre=documentary")
                        .expect(200)
                        .json()));
        assertEquals(
                List.of(),
                ids(get(Credentials.ALICE, "/api/contents?q=needle&genre=drama")
                        .expect(200)
                        .json()));
        // % and _ are literal, not wildcards
        assertEquals(
                List.of(),
                ids(get(Credentials.ALICE, "/api/contents?q=haystack%25needle")
                        .expect(200)
                        .json()));
        JsonObject page =
                get(Credentials.ALICE, "/api/contents?q=a&limit=2").expect(200).json();
        assertTrue(page.getInt("total") > 2, "the total counts every match, not the page");
        assertEquals(2, page.getJsonArray("items").size());
        get(Credentials.ALICE, "/api/contents?q=" + "x".repeat(101)).expectProblem(400, "validation");

        List<String> genres =
                get(Credentials.ALICE, "/api/genres").expect(200).array().getValuesAs(JsonString::getString);
        assertTrue(genres.contains("documentary") && genres.contains("animation"), genres.toString());
        assertEquals(genres.stream().sorted().distinct().toList(), genres, "sorted, each once");
        get(Credentials.NONE, "/api/genres").expectProblem(401, "unauthenticated");
    }

    @Test
    void aLicenseSaysHowManyPlaysAreLeft() {
        Subscriber sam = Subscriber.create("plays");
        String limited = Licensing.content("{\"maxPlays\": 2, \"rentalWindowHours\": 48}");
        String unlimited = Licensing.content(null);
        Licensing.entitle(sam.id(), limited);
        Licensing.entitle(sam.id(), unlimited);
        SymmetricTerminal tv = Licensing.symmetricTerminal(sam.id());

        assertEquals("1", license(sam, limited, tv).header("Splitcast-Plays-Left"));
        assertEquals("0", license(sam, limited, tv).header("Splitcast-Plays-Left"));
        post(sam.credentials(), "/api/licenses", Licensing.requestBody(limited, tv.id(), nonce()))
                .expectProblem(403, "play-limit-reached");
        assertNull(license(sam, unlimited, tv).header("Splitcast-Plays-Left"), "no header when unlimited");
    }

    private static Api.Reply license(Subscriber who, String content, SymmetricTerminal tv) {
        return post(who.credentials(), "/api/licenses", Licensing.requestBody(content, tv.id(), nonce()))
                .expect(200);
    }

    private static Map<String, Boolean> ready(JsonObject list) {
        return list.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(i -> i.getString("contentId"), i -> i.getBoolean("ready")));
    }

    private static List<String> ids(JsonObject page) {
        return page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(c -> c.getString("id"))
                .toList();
    }

    private static String nonce() {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(UUID.randomUUID().toString().getBytes());
    }
}

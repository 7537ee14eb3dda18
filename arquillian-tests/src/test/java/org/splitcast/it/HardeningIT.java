package org.splitcast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.splitcast.it.support.Api.get;
import static org.splitcast.it.support.Api.post;
import static org.splitcast.it.support.Api.put;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.it.support.Api;
import org.splitcast.it.support.Api.Credentials;
import org.splitcast.it.support.DeployedEar;
import org.splitcast.it.support.Licensing;
import org.splitcast.it.support.Licensing.Subscriber;
import org.splitcast.it.support.Licensing.SymmetricTerminal;
import org.splitcast.it.support.Soap;
import org.splitcast.license.format.Nonces;

/**
 * What a hostile client tried (issue 13): racing creations, coerced JSON, oversized bodies and
 * ids, anonymous access, malformed SOAP, replayed license nonces.
 */
class HardeningIT extends DeployedEar {

    private static final CryptoProvider CRYPTO = CryptoProvider.getDefault();
    private static final Pattern JAVA_NAME = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.){2,}[A-Z][A-Za-z0-9_$]*");
    private static final int RACERS = 20;

    /** {@code RACERS} identical POSTs released together: status → count (each 409 a "conflict"). */
    private static Map<Integer, Integer> race(Supplier<Api.Reply> creation) throws Exception {
        return race(creation, "conflict");
    }

    /** {@code RACERS} identical POSTs released together: status → count (each 409 of {@code type409}). */
    private static Map<Integer, Integer> race(Supplier<Api.Reply> creation, String type409) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Api.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                replies.add(pool.submit(() -> {
                    start.await();
                    return creation.get();
                }));
            }
            start.countDown();
            Map<Integer, Integer> statuses = new TreeMap<>();
            for (Future<Api.Reply> reply : replies) {
                Api.Reply r = reply.get();
                statuses.merge(r.status(), 1, Integer::sum);
                if (r.status() == 409) {
                    r.expectProblem(409, type409);
                }
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertOneCreated(String what, Map<Integer, Integer> statuses) {
        assertEquals(Map.of(201, 1, 409, RACERS - 1), statuses, what + ": exactly one 201, the others 409, no 500");
    }

    @Test
    void racingCreationsOfOneIdAreOne201AndOnly409s() throws Exception {
        String content = Api.unique("race-content");
        assertOneCreated(
                "contents",
                race(() -> post(
                        Credentials.OPERATOR,
                        "/api/contents",
                        """
                        {"id": "%s", "title": "Race", "genre": "drama", "durationSeconds": 60}"""
                                .formatted(content))));
        String pkg = Api.unique("race-package");
        assertOneCreated(
                "packages",
                race(() -> post(
                        Credentials.OPERATOR,
                        "/api/packages",
                        """
                        {"id": "%s", "name": "Race"}""".formatted(pkg))));
        String subscriber = Api.unique("race-sub");
        assertOneCreated(
                "subscribers",
                race(() -> post(
                        Credentials.OPERATOR,
                        "/api/subscribers",
                        """
                        {"id": "%s", "displayName": "Race", "username": "%s", "password": "%s-password",
                         "demographics": {"ageBand": "25-34", "country": "FR", "category": "premium"}}"""
                                .formatted(subscriber, subscriber, subscriber))));
        String terminal = Api.unique("race-tv");
        assertOneCreated(
                "terminals",
                race(() -> post(
                        Credentials.OPERATOR,
                        "/api/subscribers/" + subscriber + "/terminals",
                        """
                        {"id": "%s", "label": "TV", "keyType": "AES_256"}"""
                                .formatted(terminal))));
    }

    @Test
    void coercedOrNonFiniteValuesAreRefusedAndNeverStored() {
        JsonObject before = get(Credentials.OPERATOR, "/api/precompute/settings")
                .expect(200)
                .json();
        String settings = before.toString();

        JsonObject infinite = put(
                        Credentials.OPERATOR,
                        "/api/precompute/settings",
                        settings.replaceFirst("\"itemCost\":[^,}]+", "\"itemCost\":1e400"))
                .expectProblem(400, "malformed-request");
        assertEquals(
                "itemCost", infinite.getJsonArray("errors").getJsonObject(0).getString("field"));
        JsonObject maybe = put(
                        Credentials.OPERATOR,
                        "/api/precompute/settings",
                        settings.replaceFirst("\"enabled\":(true|false)", "\"enabled\":\"maybe\""))
                .expectProblem(400, "malformed-request");
        assertEquals("enabled", maybe.getJsonArray("errors").getJsonObject(0).getString("field"));
        put(
                        Credentials.OPERATOR,
                        "/api/precompute/settings",
                        settings.replaceFirst("\"trendIntervals\":(\\d+)", "\"trendIntervals\":3.7"))
                .expectProblem(400, "malformed-request");
        put(Credentials.OPERATOR, "/api/precompute/settings", settings + " trailing")
                .expectProblem(400, "malformed-request");

        // nothing of it was stored: the settings read back as before, and still read
        assertEquals(
                before,
                get(Credentials.OPERATOR, "/api/precompute/settings")
                        .expect(200)
                        .json());

        post(
                        Credentials.OPERATOR,
                        "/api/contents",
                        """
                {"title": "x", "genre": "drama", "durationSeconds": 60.5}""")
                .expectProblem(400, "malformed-request");
    }

    @Test
    void problemsNameFieldsNeverJavaTypes() {
        Subscriber owner = Subscriber.create("enum");
        JsonObject keyType = post(
                        Credentials.OPERATOR,
                        "/api/subscribers/" + owner.id() + "/terminals",
                        """
                        {"id": "%s", "label": "TV", "keyType": "AES_128"}"""
                                .formatted(Api.unique("tv")))
                .expectProblem(400, "validation");
        assertEquals("keyType", keyType.getJsonArray("errors").getJsonObject(0).getString("field"));
        assertFalse(keyType.toString().contains("TerminalKeyType"), keyType.toString());
        assertFalse(JAVA_NAME.matcher(keyType.toString()).find(), keyType.toString());

        JsonObject nullBody =
                post(Credentials.OPERATOR, "/api/precompute", "null").expectProblem(400, "malformed-request");
        assertTrue(nullBody.getString("detail").contains("null"), nullBody.toString());
        assertFalse(nullBody.toString().contains("Internal error"), nullBody.toString());
        assertFalse(nullBody.toString().contains("PrecomputeRequest"), nullBody.toString());
    }

    @Test
    void bodiesOverTheLimitAre413ProblemsAndLongIdsAreShortened() {
        String big = "{\"title\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        JsonObject tooLarge = post(Credentials.OPERATOR, "/api/contents", big).expectProblem(413, "payload-too-large");
        assertTrue(tooLarge.getString("detail").contains("bytes"), tooLarge.toString());

        String longId = "a".repeat(6_000);
        Api.Reply missing = get(Credentials.OPERATOR, "/api/contents/" + longId);
        JsonObject notFound = missing.expectProblem(404, "not-found");
        assertTrue(
                missing.body().length() < 3_000,
                "the id is not echoed whole: " + missing.body().length());
        assertTrue(notFound.getString("detail").contains("a".repeat(64)), notFound.toString());
    }

    @Test
    void anonymousAccessToAProtectedResourceIs401WithAChallenge() {
        Api.Reply history = get(Credentials.NONE, "/api/license-keys/history");
        history.expectProblem(401, "unauthenticated");
        assertNotNull(history.header("WWW-Authenticate"), "a 401 carries a challenge");
        assertTrue(history.header("WWW-Authenticate").startsWith("Basic"), history.header("WWW-Authenticate"));
        // a known caller without the role is still 403
        get(Credentials.ALICE, "/api/license-keys/history").expectProblem(403, "forbidden");
    }

    @Test
    void malformedSoapFaultsNameNoInternalClass() {
        for (String parameters : List.of(
                "<l:contentId>x</l:contentId><l:terminalId>",
                "<l:contentId>x&undefined;</l:contentId>",
                "<l:contentId>x</l:contentId><l:nonce>\u0001</l:nonce>",
                "<l:contentId>a&#0;</l:contentId>",
                "<l:contentId>a</l:contentId><",
                "<l:contentId>a</l:contentId><l:terminalId>t</l:terminalId><l:nonce>&#x1;</l:nonce>",
                "</l:wrong>")) {
            Soap.Answer answer = Soap.call(Credentials.INTEGRATOR, "requestLicense", parameters);
            System.out.println("HardeningIT: SOAP " + answer.status() + " " + answer.body());
            assertTrue(answer.status() >= 400, answer.body());
            assertFalse(JAVA_NAME.matcher(answer.body()).find(), "no Java class in: " + answer.body());
            assertFalse(answer.body().contains("Exception"), answer.body());
            Api.assertNoStackTrace(answer.body());
        }
    }

    @Test
    void theEmbeddedDatabaseIsReadableByTheServerOnly() throws Exception {
        java.nio.file.Path db = java.nio.file.Path.of(System.getProperty("it.data.dir", "target/splitcast-data"), "db");
        org.junit.jupiter.api.Assumptions.assumeTrue(
                java.nio.file.Files.isDirectory(db), "the embedded H2 database (not PostgreSQL) is in " + db);
        assertEquals(
                "rwx------",
                java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(db)));
        try (var files = java.nio.file.Files.list(db)) {
            for (java.nio.file.Path f :
                    files.filter(java.nio.file.Files::isRegularFile).toList()) {
                if (f.getFileName().toString().endsWith(".db")) {
                    assertEquals(
                            "rw-------",
                            java.nio.file.attribute.PosixFilePermissions.toString(
                                    java.nio.file.Files.getPosixFilePermissions(f)),
                            f.toString());
                }
            }
        }
    }

    @Test
    void aReplayedNonceIsRefusedOverRestAndSoap() {
        Subscriber owner = Subscriber.create("replay");
        String content = Licensing.content("{\"maxPlays\": 10}");
        Licensing.entitle(owner.id(), content);
        SymmetricTerminal tv = Licensing.symmetricTerminal(owner.id());
        String nonce = Nonces.generate(CRYPTO);

        post(owner.credentials(), "/api/licenses", Licensing.requestBody(content, tv.id(), nonce))
                .expect(200);
        JsonObject replayed = post(owner.credentials(), "/api/licenses", Licensing.requestBody(content, tv.id(), nonce))
                .expectProblem(409, "nonce-reused");
        assertTrue(replayed.getString("detail").contains(tv.id()), replayed.toString());
        Soap.Answer soap = Soap.requestLicense(Credentials.INTEGRATOR, content, tv.id(), nonce);
        assertTrue(soap.isFault(), soap.body());
        assertEquals("nonce-reused", soap.faultCode(), soap.body());
        assertEquals("409", soap.text("status"), soap.body());

        // a fresh nonce still gets a license, and only one play was used by the replays
        Api.Reply fresh = post(
                        owner.credentials(),
                        "/api/licenses",
                        Licensing.requestBody(content, tv.id(), Nonces.generate(CRYPTO)))
                .expect(200);
        assertEquals("8", fresh.header("Splitcast-Plays-Left"));
    }

    @Test
    void racingReplaysOfOneNonceGetOneLicenseThenOnly409s() throws Exception {
        // no play limit: these licenses are recorded by the group commit, which takes their nonces
        // in its batches (issue 12), so the refusal of a twin happens there
        Subscriber owner = Subscriber.create("replay-race");
        String content = Licensing.content(null);
        Licensing.entitle(owner.id(), content);
        SymmetricTerminal tv = Licensing.symmetricTerminal(owner.id());
        String nonce = Nonces.generate(CRYPTO);

        Map<Integer, Integer> statuses = race(
                () -> post(owner.credentials(), "/api/licenses", Licensing.requestBody(content, tv.id(), nonce)),
                "nonce-reused");
        assertEquals(
                Map.of(200, 1, 409, RACERS - 1), statuses, "one license for the nonce, the other twins 409, no 500");
        // once committed, the nonce stays refused; a fresh one is not
        post(owner.credentials(), "/api/licenses", Licensing.requestBody(content, tv.id(), nonce))
                .expectProblem(409, "nonce-reused");
        post(owner.credentials(), "/api/licenses", Licensing.requestBody(content, tv.id(), Nonces.generate(CRYPTO)))
                .expect(200);
    }
}

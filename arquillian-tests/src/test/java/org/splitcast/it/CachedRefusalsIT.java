package org.splitcast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.splitcast.it.support.Api.delete;
import static org.splitcast.it.support.Api.post;
import static org.splitcast.it.support.Api.put;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.it.support.Api;
import org.splitcast.it.support.Api.Credentials;
import org.splitcast.it.support.DeployedEar;
import org.splitcast.it.support.Licensing;
import org.splitcast.it.support.Licensing.Subscriber;
import org.splitcast.it.support.Licensing.SymmetricTerminal;
import org.splitcast.license.format.Nonces;

/**
 * Issue 12: the license server keeps the registry reads of a request and the precomputed store in
 * memory. Each test first makes the caches hold the pair (two licenses, the second a hit served
 * from memory), then changes the registry, and checks that the very next request sees the change:
 * a cache must never serve a refusal late.
 */
class CachedRefusalsIT extends DeployedEar {

    private static final CryptoProvider CRYPTO = CryptoProvider.getDefault();

    private record Issued(String access, JsonObject license) {}

    private static Api.Reply request(Subscriber who, String content, String terminal) {
        return post(
                who.credentials(), "/api/licenses", Licensing.requestBody(content, terminal, Nonces.generate(CRYPTO)));
    }

    private static Issued issue(Subscriber who, String content, String terminal) {
        Api.Reply reply = request(who, content, terminal).expect(200);
        return new Issued(reply.header("Splitcast-Access"), reply.json());
    }

    /** Two licenses for the pair, the second one a hit: every cache now holds the pair. */
    private static void warm(Subscriber who, String content, String terminal) {
        issue(who, content, terminal);
        assertEquals("precomputed", issue(who, content, terminal).access(), "the second license is a hit");
        assertEquals("precomputed", issue(who, content, terminal).access());
    }

    private static String signingKeyOf(JsonObject license) {
        String header = license.getString("access").split("\\.")[0];
        String json = new String(Base64.getUrlDecoder().decode(header), StandardCharsets.UTF_8);
        return Json.createReader(new StringReader(json)).readObject().getString("kid");
    }

    private static String terminals(Subscriber who) {
        return "/api/subscribers/" + who.id() + "/terminals/";
    }

    @Test
    void aRevokedTerminalIsRefusedAtOnce() {
        Subscriber ann = Subscriber.create("crt");
        String content = Licensing.content(null);
        Licensing.entitle(ann.id(), content);
        SymmetricTerminal tv = Licensing.symmetricTerminal(ann.id());
        warm(ann, content, tv.id());

        post(Credentials.OPERATOR, terminals(ann) + tv.id() + "/revoke", "").expect(200);

        request(ann, content, tv.id()).expectProblem(403, "terminal-revoked");
    }

    @Test
    void aRemovedTerminalIsUnknownAtOnce() {
        Subscriber ben = Subscriber.create("crm");
        String content = Licensing.content(null);
        Licensing.entitle(ben.id(), content);
        SymmetricTerminal tv = Licensing.symmetricTerminal(ben.id());
        warm(ben, content, tv.id());

        delete(Credentials.OPERATOR, terminals(ben) + tv.id()).expect(204);

        request(ben, content, tv.id()).expectProblem(404, "not-found");
    }

    @Test
    void aRevokedEntitlementIsRefusedAtOnce() {
        Subscriber cid = Subscriber.create("cre");
        String content = Licensing.content(null);
        String entitlement = Licensing.entitle(cid.id(), content).getString("id");
        SymmetricTerminal tv = Licensing.symmetricTerminal(cid.id());
        warm(cid, content, tv.id());

        delete(Credentials.OPERATOR, "/api/subscribers/" + cid.id() + "/entitlements/" + entitlement)
                .expect(204);

        request(cid, content, tv.id()).expectProblem(403, "not-entitled");
    }

    @Test
    void anEntitlementThatLapsesIsRefusedFromItsEndWithNoEvent() throws Exception {
        Subscriber dee = Subscriber.create("crl");
        String content = Licensing.content(null);
        Instant until = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(8);
        post(
                        Credentials.INTEGRATOR,
                        "/api/subscribers/" + dee.id() + "/entitlements",
                        """
                        {"contentId": "%s", "validUntil": "%s"}"""
                                .formatted(content, until))
                .expect(201);
        SymmetricTerminal tv = Licensing.symmetricTerminal(dee.id());
        warm(dee, content, tv.id());

        long wait = Duration.between(Instant.now(), until).toMillis() + 500;
        assertTrue(wait > 0, "the warm-up took longer than the entitlement lasts: lengthen it");
        Thread.sleep(wait);

        request(dee, content, tv.id()).expectProblem(403, "not-entitled");
    }

    @Test
    void aContentTakenOutOfTheEntitledPackageIsRefusedAtOnce() {
        Subscriber eve = Subscriber.create("crp");
        String content = Licensing.content(null);
        String pkg = Api.unique("pkg");
        post(
                        Credentials.OPERATOR,
                        "/api/packages",
                        """
                        {"id": "%s", "name": "Cache test", "contentIds": ["%s"]}"""
                                .formatted(pkg, content))
                .expect(201);
        post(
                        Credentials.INTEGRATOR,
                        "/api/subscribers/" + eve.id() + "/entitlements",
                        """
                        {"packageId": "%s"}""".formatted(pkg))
                .expect(201);
        SymmetricTerminal tv = Licensing.symmetricTerminal(eve.id());
        warm(eve, content, tv.id());

        delete(Credentials.OPERATOR, "/api/packages/" + pkg + "/contents/" + content)
                .expect(200);
        request(eve, content, tv.id()).expectProblem(403, "not-entitled");

        put(Credentials.OPERATOR, "/api/packages/" + pkg + "/contents/" + content)
                .expect(200);
        assertEquals(200, request(eve, content, tv.id()).status(), "back in the package: entitled again");
    }

    @Test
    void aRotatedContentKeyIsUsedAtOnce() {
        Subscriber fay = Subscriber.create("crk");
        String content = Licensing.content(null);
        Licensing.entitle(fay.id(), content);
        SymmetricTerminal tv = Licensing.symmetricTerminal(fay.id());
        warm(fay, content, tv.id());

        String newKeyId = post(Credentials.OPERATOR, "/api/contents/" + content + "/keys", "")
                .expect(200)
                .json()
                .getString("currentKeyId");

        Issued after = issue(fay, content, tv.id());
        assertEquals(newKeyId, after.license().getString("keyId"));
        assertEquals("computed", after.access(), "no block of the old content key is served");
    }

    @Test
    void aRotatedSigningKeySignsTheVeryNextLicense() {
        Subscriber gil = Subscriber.create("crs");
        String content = Licensing.content(null);
        Licensing.entitle(gil.id(), content);
        SymmetricTerminal tv = Licensing.symmetricTerminal(gil.id());
        warm(gil, content, tv.id());

        String newSigningKey = post(
                        Credentials.OPERATOR,
                        "/api/license-keys",
                        """
                        {"algorithm": "ES256"}""")
                .expect(201)
                .json()
                .getString("keyId");

        Issued after = issue(gil, content, tv.id());
        assertEquals("computed", after.access(), "the block signed by the retired key is not served from memory");
        assertEquals(newSigningKey, signingKeyOf(after.license()));
    }

    @Test
    void thePlayLimitHoldsOnHits() {
        Subscriber hoa = Subscriber.create("crn");
        String content = Licensing.content("{\"maxPlays\": 3}");
        Licensing.entitle(hoa.id(), content);
        SymmetricTerminal tv = Licensing.symmetricTerminal(hoa.id());
        warm(hoa, content, tv.id()); // three plays, the last two hits

        request(hoa, content, tv.id()).expectProblem(403, "play-limit-reached");
    }
}

package org.splitcast.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.splitcast.it.support.Api.delete;
import static org.splitcast.it.support.Api.get;
import static org.splitcast.it.support.Api.post;

import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.it.support.Api;
import org.splitcast.it.support.Api.Credentials;
import org.splitcast.it.support.DeployedEar;
import org.splitcast.it.support.Licensing;
import org.splitcast.it.support.Licensing.PublicKeyTerminal;
import org.splitcast.it.support.Licensing.Subscriber;
import org.splitcast.it.support.Licensing.SymmetricTerminal;
import org.splitcast.it.support.Soap;
import org.splitcast.license.format.KeySet;
import org.splitcast.license.format.License;
import org.splitcast.license.format.LicenseRejectedException;
import org.splitcast.license.format.LicenseVerifier;
import org.splitcast.license.format.Nonces;
import org.splitcast.license.format.TerminalSecret;
import org.splitcast.license.format.VerifiedLicense;
import org.splitcast.terminal.sdk.LicenseClient;
import org.splitcast.terminal.sdk.ObtainedLicense;

/**
 * Licenses over HTTP and SOAP (steps 130-160): what the terminal SDK accepts, hits and misses of
 * the precomputed access store, refusals, the play limit, and 200 clients at once.
 */
class LicensesIT extends DeployedEar {

    private static final CryptoProvider CRYPTO = CryptoProvider.getDefault();

    private static LicenseClient client(Credentials who) {
        return new LicenseClient(
                URI.create(Api.BASE),
                new org.splitcast.terminal.sdk.Credentials(
                        who.username(), who.password().toCharArray()),
                CRYPTO,
                Clock.systemUTC());
    }

    private static LicenseVerifier verifier() {
        return new LicenseVerifier(
                KeySet.parse(
                        get(Credentials.NONE, "/api/license-keys").expect(200).body()),
                CRYPTO,
                Duration.ofMinutes(2));
    }

    private static License license(JsonObject json) {
        return new License(
                json.getString("format"),
                json.getString("licenseId"),
                json.getString("contentId"),
                json.getString("terminalId"),
                json.getString("keyId"),
                json.getString("access"),
                json.getString("grant"));
    }

    @Test
    void aMissThenAHitGiveLicensesTheSdkAcceptsWithTheSameContentKey() throws Exception {
        Subscriber alice = Subscriber.create("lic");
        String content = Licensing.content("{\"rentalWindowHours\": 48, \"recordingAllowed\": true}");
        Licensing.entitle(alice.id(), content);
        SymmetricTerminal tv = Licensing.symmetricTerminal(alice.id());
        PublicKeyTerminal phone = Licensing.ecTerminal(alice.id());
        LicenseClient sdk = client(alice.credentials());

        ObtainedLicense miss = sdk.requestLicense(tv.id(), content, new TerminalSecret.Symmetric(tv.kt()));
        ObtainedLicense hit = sdk.requestLicense(tv.id(), content, new TerminalSecret.Symmetric(tv.kt()));
        ObtainedLicense phoneMiss = sdk.requestLicense(
                phone.id(), content, new TerminalSecret.Private(phone.keyPair().getPrivate()));
        ObtainedLicense phoneHit = sdk.requestLicense(
                phone.id(), content, new TerminalSecret.Private(phone.keyPair().getPrivate()));

        assertEquals("computed", miss.access(), "the first request computes the access block (step 142)");
        assertEquals("precomputed", hit.access(), "the second finds it in the store (step 146)");
        assertEquals("computed", phoneMiss.access());
        assertEquals("precomputed", phoneHit.access());
        byte[] kc = miss.license().contentKey();
        assertEquals(32, kc.length);
        assertArrayEquals(kc, hit.license().contentKey(), "hit and miss carry the same Kc");
        assertArrayEquals(kc, phoneMiss.license().contentKey(), "the same Kc for every terminal of the content");
        assertArrayEquals(kc, phoneHit.license().contentKey());
        assertFalse(miss.license().licenseId().equals(hit.license().licenseId()), "a license id per license");
        assertEquals(48, hit.license().rules().windowHours());
        assertTrue(hit.license().rules().recordingAllowed());
        assertEquals(null, hit.license().rules().maxPlays());
        assertEquals(1, Licensing.storedFor(tv.id()), "the miss stored its access block once");
    }

    @Test
    void precomputedAccessBlocksAreServedAsHitsFromTheFirstRequest() throws Exception {
        Subscriber bob = Subscriber.create("pre");
        String first = Licensing.content(null);
        String second = Licensing.content(null);
        String notBought = Licensing.content(null);
        Licensing.entitle(bob.id(), first);
        Licensing.entitle(bob.id(), second);
        SymmetricTerminal tv = Licensing.symmetricTerminal(bob.id());
        PublicKeyTerminal phone = Licensing.ecTerminal(bob.id());

        JsonObject report = Licensing.precompute(bob.id(), first, second, notBought);

        assertEquals(2, report.getInt("terminals"));
        assertEquals(4, report.getInt("computed"), report.toString());
        assertEquals(
                List.of(notBought), report.getJsonArray("notEntitled").getValuesAs(jakarta.json.JsonString::getString));
        assertEquals(2, Licensing.storedFor(tv.id()));
        LicenseClient sdk = client(bob.credentials());
        ObtainedLicense tvLicense = sdk.requestLicense(tv.id(), second, new TerminalSecret.Symmetric(tv.kt()));
        ObtainedLicense phoneLicense = sdk.requestLicense(
                phone.id(), first, new TerminalSecret.Private(phone.keyPair().getPrivate()));
        assertEquals("precomputed", tvLicense.access());
        assertEquals("precomputed", phoneLicense.access());
        assertEquals(0, Licensing.precompute(bob.id(), first, second).getInt("computed"), "nothing twice");
    }

    @Test
    void aReplayedLicenseIsRejectedBySdk() throws Exception {
        Subscriber carol = Subscriber.create("replay");
        String content = Licensing.content(null);
        Licensing.entitle(carol.id(), content);
        SymmetricTerminal tv = Licensing.symmetricTerminal(carol.id());
        TerminalSecret secret = new TerminalSecret.Symmetric(tv.kt());
        String oldNonce = Nonces.generate(CRYPTO);
        License old =
                license(post(carol.credentials(), "/api/licenses", Licensing.requestBody(content, tv.id(), oldNonce))
                        .expect(200)
                        .json());
        LicenseVerifier verifier = verifier();
        VerifiedLicense genuine = verifier.verify(old, tv.id(), secret, content, oldNonce, Instant.now());
        assertEquals(content, genuine.contentId());

        // an attacker answers a new request with the old license
        String newNonce = Nonces.generate(CRYPTO);
        LicenseRejectedException replay = assertThrows(
                LicenseRejectedException.class,
                () -> verifier.verify(old, tv.id(), secret, content, newNonce, Instant.now()));
        assertEquals(LicenseRejectedException.Reason.REPLAYED_NONCE, replay.reason());

        // nor can it be passed off as another terminal's
        SymmetricTerminal other = Licensing.symmetricTerminal(carol.id());
        LicenseRejectedException stolen = assertThrows(
                LicenseRejectedException.class,
                () -> verifier.verify(
                        old, other.id(), new TerminalSecret.Symmetric(other.kt()), content, oldNonce, Instant.now()));
        assertEquals(LicenseRejectedException.Reason.WRONG_TERMINAL, stolen.reason());
        // and it expires: an hour by default
        LicenseRejectedException expired = assertThrows(
                LicenseRejectedException.class,
                () -> verifier.verify(
                        old, tv.id(), secret, content, oldNonce, Instant.now().plus(Duration.ofHours(2))));
        assertEquals(LicenseRejectedException.Reason.EXPIRED, expired.reason());
    }

    @Test
    void refusalsHaveTheirDocumentedCodesOverRestAndSoap() {
        Subscriber owner = Subscriber.create("ref");
        Subscriber stranger = Subscriber.create("str");
        String bought = Licensing.content(null);
        String notBought = Licensing.content(null);
        Licensing.entitle(owner.id(), bought);
        SymmetricTerminal tv = Licensing.symmetricTerminal(owner.id());
        SymmetricTerminal revoked = Licensing.symmetricTerminal(owner.id());
        post(Credentials.OPERATOR, "/api/subscribers/" + owner.id() + "/terminals/" + revoked.id() + "/revoke", "")
                .expect(200);

        record Case(Credentials who, String content, String terminal, int status, String code) {}
        List<Case> cases = List.of(
                new Case(owner.credentials(), notBought, tv.id(), 403, "not-entitled"),
                new Case(owner.credentials(), bought, revoked.id(), 403, "terminal-revoked"),
                new Case(owner.credentials(), Api.unique("nothing"), tv.id(), 404, "not-found"),
                new Case(owner.credentials(), bought, Api.unique("nothing"), 404, "not-found"),
                new Case(stranger.credentials(), bought, tv.id(), 403, "forbidden"));
        for (Case c : cases) {
            JsonObject problem = post(
                            c.who(),
                            "/api/licenses",
                            Licensing.requestBody(c.content(), c.terminal(), Nonces.generate(CRYPTO)))
                    .expectProblem(c.status(), c.code());
            Api.assertNoStackTrace(problem.toString());

            Soap.Answer fault = Soap.requestLicense(c.who(), c.content(), c.terminal(), Nonces.generate(CRYPTO));
            assertTrue(fault.isFault(), fault.body());
            assertEquals(c.code(), fault.faultCode(), fault.body());
            assertEquals(String.valueOf(c.status()), fault.text("status"), fault.body());
            assertEquals("https://splitcast.org/problems/" + c.code(), fault.text("type"), fault.body());
            assertEquals("soap:Client", fault.text("faultcode"), "a refusal is the client's fault: " + fault.body());
            Api.assertNoStackTrace(fault.body());
        }
        // a bad nonce is a validation problem on both
        JsonObject badNonce = post(
                        owner.credentials(), "/api/licenses", Licensing.requestBody(bought, tv.id(), "short"))
                .expectProblem(400, "validation");
        assertEquals("nonce", badNonce.getJsonArray("errors").getJsonObject(0).getString("field"), badNonce.toString());
        // no body at all, and two bad fields at once: one problem naming each (the resource
        // validates the body itself, once)
        JsonObject noBody = post(owner.credentials(), "/api/licenses", "").expectProblem(400, "validation");
        assertEquals("request", noBody.getJsonArray("errors").getJsonObject(0).getString("field"), noBody.toString());
        JsonObject twoFields = post(owner.credentials(), "/api/licenses", Licensing.requestBody(bought, "", "short"))
                .expectProblem(400, "validation");
        assertEquals(
                "[nonce, terminalId]",
                twoFields.getJsonArray("errors").stream()
                        .map(e -> e.asJsonObject().getString("field"))
                        .toList()
                        .toString(),
                twoFields.toString());
        assertEquals(
                "validation",
                Soap.requestLicense(owner.credentials(), bought, tv.id(), "short")
                        .faultCode());
        // and SOAP without credentials is refused before the endpoint
        Soap.Answer anonymous = Soap.requestLicense(Credentials.NONE, bought, tv.id(), Nonces.generate(CRYPTO));
        assertEquals(401, anonymous.status());
        assertEquals("unauthenticated", anonymous.faultCode(), anonymous.body());
    }

    @Test
    void soapIssuesLicensesTheSdkAcceptsAndPublishesItsWsdl() throws Exception {
        Subscriber dan = Subscriber.create("soap");
        String content = Licensing.content(null);
        Licensing.entitle(dan.id(), content);
        SymmetricTerminal tv = Licensing.symmetricTerminal(dan.id());
        String nonce = Nonces.generate(CRYPTO);

        Soap.Answer answer = Soap.requestLicense(Credentials.INTEGRATOR, content, tv.id(), nonce);

        assertEquals(200, answer.status(), answer.body());
        assertEquals("computed", answer.text("accessSource"));
        License license = new License(
                answer.text("format"),
                answer.text("licenseId"),
                answer.text("contentId"),
                answer.text("terminalId"),
                answer.text("keyId"),
                answer.text("access"),
                answer.text("grant"));
        VerifiedLicense verified = verifier()
                .verify(license, tv.id(), new TerminalSecret.Symmetric(tv.kt()), content, nonce, Instant.now());
        assertEquals(content, verified.contentId());

        String wsdl = get(Credentials.NONE, Soap.PATH + "?wsdl").expect(200).body();
        assertTrue(wsdl.contains("requestLicense"), wsdl);
        assertTrue(wsdl.contains("urn:splitcast:license:1"), wsdl);
    }

    @Test
    void removingOrRevokingATerminalDropsItsPrecomputedAccessBlocks() {
        Subscriber erin = Subscriber.create("drop");
        String content = Licensing.content(null);
        Licensing.entitle(erin.id(), content);
        SymmetricTerminal removed = Licensing.symmetricTerminal(erin.id());
        SymmetricTerminal revoked = Licensing.symmetricTerminal(erin.id());
        Licensing.precompute(erin.id(), content);
        assertEquals(1, Licensing.storedFor(removed.id()));
        assertEquals(1, Licensing.storedFor(revoked.id()));

        String terminals = "/api/subscribers/" + erin.id() + "/terminals/";
        delete(Credentials.OPERATOR, terminals + removed.id()).expect(204);
        post(Credentials.OPERATOR, terminals + revoked.id() + "/revoke", "").expect(200);

        assertEquals(0, Licensing.storedFor(removed.id()));
        assertEquals(0, Licensing.storedFor(revoked.id()));
    }

    @Test
    void rotatingTheContentKeyDropsPrecomputedBlocksAndLicensesCarryTheNewKey() throws Exception {
        Subscriber fay = Subscriber.create("rot");
        String content = Licensing.content(null);
        Licensing.entitle(fay.id(), content);
        SymmetricTerminal tv = Licensing.symmetricTerminal(fay.id());
        LicenseClient sdk = client(fay.credentials());
        ObtainedLicense before = sdk.requestLicense(tv.id(), content, new TerminalSecret.Symmetric(tv.kt()));

        String newKeyId = post(Credentials.OPERATOR, "/api/contents/" + content + "/keys", "")
                .expect(200)
                .json()
                .getString("currentKeyId");

        assertEquals(0, Licensing.storedFor(tv.id()));
        ObtainedLicense after = sdk.requestLicense(tv.id(), content, new TerminalSecret.Symmetric(tv.kt()));
        assertEquals("computed", after.access());
        assertEquals(newKeyId, after.license().keyId());
        assertFalse(java.util.Arrays.equals(
                before.license().contentKey(), after.license().contentKey()));
    }

    @Test
    void theNPlusFirstPlayWithinTheWindowIsRefused() throws Exception {
        Subscriber gus = Subscriber.create("plays");
        String content = Licensing.content("{\"maxPlays\": 2, \"rentalWindowHours\": 24}");
        Licensing.entitle(gus.id(), content);
        SymmetricTerminal tv = Licensing.symmetricTerminal(gus.id());
        SymmetricTerminal tablet = Licensing.symmetricTerminal(gus.id());
        LicenseClient sdk = client(gus.credentials());

        assertEquals(
                2,
                sdk.requestLicense(tv.id(), content, new TerminalSecret.Symmetric(tv.kt()))
                        .license()
                        .rules()
                        .maxPlays());
        sdk.requestLicense(tablet.id(), content, new TerminalSecret.Symmetric(tablet.kt()));

        // the limit is the subscriber's, whichever terminal asks, over REST and SOAP
        post(gus.credentials(), "/api/licenses", Licensing.requestBody(content, tv.id(), Nonces.generate(CRYPTO)))
                .expectProblem(403, "play-limit-reached");
        assertEquals(
                "play-limit-reached",
                Soap.requestLicense(gus.credentials(), content, tablet.id(), Nonces.generate(CRYPTO))
                        .faultCode());
    }

    @Test
    void twoHundredParallelRequestsForOnePairGiveValidLicensesAndOneStoreEntry() throws Exception {
        Subscriber hal = Subscriber.create("par");
        String content = Licensing.content(null);
        Licensing.entitle(hal.id(), content);
        PublicKeyTerminal phone = Licensing.ecTerminal(hal.id());
        TerminalSecret secret = new TerminalSecret.Private(phone.keyPair().getPrivate());
        LicenseVerifier verifier = verifier();

        record Answer(String nonce, Api.Reply reply) {}
        List<Future<Answer>> answers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            for (int i = 0; i < 200; i++) {
                answers.add(pool.submit(() -> {
                    String nonce = Nonces.generate(CRYPTO);
                    return new Answer(
                            nonce,
                            post(
                                    Credentials.INTEGRATOR,
                                    "/api/licenses",
                                    Licensing.requestBody(content, phone.id(), nonce)));
                }));
            }
            byte[] kc = null;
            int computed = 0;
            for (Future<Answer> f : answers) {
                Answer a = f.get();
                a.reply().expect(200);
                if ("computed".equals(a.reply().header("Splitcast-Access"))) {
                    computed++;
                }
                VerifiedLicense v = verifier.verify(
                        license(a.reply().json()), phone.id(), secret, content, a.nonce(), Instant.now());
                if (kc == null) {
                    kc = v.contentKey();
                }
                assertArrayEquals(kc, v.contentKey());
            }
            assertTrue(computed >= 1, "the first requests miss");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, Licensing.storedFor(phone.id()), "at most one store entry for the pair");
    }

    @Test
    void metricsCountHitsAndMissesAndTimeIssuing() throws Exception {
        Subscriber ida = Subscriber.create("met");
        String content = Licensing.content(null);
        Licensing.entitle(ida.id(), content);
        SymmetricTerminal tv = Licensing.symmetricTerminal(ida.id());
        double hits = metric("splitcast_license_access_total", "source=\"precomputed\"");
        double misses = metric("splitcast_license_access_total", "source=\"computed\"");

        LicenseClient sdk = client(ida.credentials());
        sdk.requestLicense(tv.id(), content, new TerminalSecret.Symmetric(tv.kt()));
        sdk.requestLicense(tv.id(), content, new TerminalSecret.Symmetric(tv.kt()));
        sdk.requestLicense(tv.id(), content, new TerminalSecret.Symmetric(tv.kt()));

        assertEquals(misses + 1, metric("splitcast_license_access_total", "source=\"computed\""));
        assertEquals(hits + 2, metric("splitcast_license_access_total", "source=\"precomputed\""));
        assertTrue(metric("splitcast_license_issue_seconds_count", "") >= 3);
        String text = get(Credentials.OPERATOR, "/api/metrics").expect(200).body();
        assertTrue(text.contains("splitcast_license_issue_seconds_bucket{le="), "a latency histogram");
        get(Credentials.INTEGRATOR, "/api/metrics").expectProblem(403, "forbidden");
    }

    private static double metric(String name, String label) {
        String text = get(Credentials.OPERATOR, "/api/metrics").expect(200).body();
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*\\})? ([0-9.eE+-]+)$")
                .matcher(text);
        double sum = 0;
        boolean found = false;
        while (m.find()) {
            if (m.group(1) == null || m.group(1).contains(label)) {
                sum += Double.parseDouble(m.group(2));
                found = true;
            }
        }
        return found ? sum : 0;
    }

    @Test
    void theVerificationKeysArePublic() {
        JsonObject set = get(Credentials.NONE, "/api/license-keys").expect(200).json();
        JsonObject first = set.getJsonArray("keys").getJsonObject(0);
        assertNotNull(first.getString("kid"));
        assertEquals("sig", first.getString("use"));
        assertTrue(get(Credentials.NONE, "/api/license-keys/" + first.getString("kid"))
                .expect(200)
                .body()
                .startsWith("-----BEGIN PUBLIC KEY-----"));
        post(Credentials.NONE, "/api/license-keys", "{\"algorithm\": \"ES256\"}")
                .expectProblem(401, "unauthenticated");
        post(Credentials.INTEGRATOR, "/api/license-keys", "{\"algorithm\": \"ES256\"}")
                .expectProblem(403, "forbidden");
    }
}

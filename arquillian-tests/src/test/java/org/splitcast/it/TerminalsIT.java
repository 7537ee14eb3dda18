package org.splitcast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.splitcast.it.support.Api.delete;
import static org.splitcast.it.support.Api.get;
import static org.splitcast.it.support.Api.post;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.splitcast.it.support.Api;
import org.splitcast.it.support.Api.Credentials;
import org.splitcast.it.support.DeployedEar;

/** Terminals over HTTP: registration with each kind of key, the one-time key, revocation, removal. */
class TerminalsIT extends DeployedEar {

    @Test
    void symmetricTerminalKeyIsReturnedOnceAndNeverByAnyGet() {
        String subscriber = Api.unique("kt");
        Credentials owner = Api.newSubscriber(subscriber);
        String id = Api.unique("tv");

        Api.Reply registered = post(
                        Credentials.INTEGRATOR,
                        "/api/subscribers/" + subscriber + "/terminals",
                        """
                {"id": "%s", "label": "Living room", "keyType": "AES_256"}""".formatted(id))
                .expect(201);

        String key = registered.json().getString("provisioningKey");
        assertEquals(32, Base64.getDecoder().decode(key).length, "an AES-256 key");
        assertTrue(registered.header("Cache-Control").contains("no-store"), registered.header("Cache-Control"));
        assertEquals(Api.BASE + "/api/subscribers/" + subscriber + "/terminals/" + id, registered.header("Location"));

        String[] reads = {
            get(Credentials.OPERATOR, "/api/subscribers/" + subscriber + "/terminals/" + id)
                    .expect(200)
                    .body(),
            get(owner, "/api/subscribers/" + subscriber + "/terminals/" + id)
                    .expect(200)
                    .body(),
            get(Credentials.INTEGRATOR, "/api/terminals/" + id).expect(200).body(),
            get(owner, "/api/subscribers/" + subscriber + "/terminals")
                    .expect(200)
                    .body(),
            post(Credentials.OPERATOR, "/api/subscribers/" + subscriber + "/terminals/" + id + "/revoke", "")
                    .expect(200)
                    .body()
        };
        for (String body : reads) {
            assertFalse(body.contains("provisioningKey"), body);
            assertFalse(body.contains(key), "the key itself in " + body);
        }
    }

    @Test
    void publicKeyTerminalKeepsItsKeyAndGetsNoneFromTheServer() throws Exception {
        String subscriber = Api.unique("pk");
        Credentials owner = Api.newSubscriber(subscriber);
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        String publicKey = Base64.getEncoder()
                .encodeToString(ec.generateKeyPair().getPublic().getEncoded());

        JsonObject registered = post(
                        owner,
                        "/api/subscribers/" + subscriber + "/terminals",
                        """
                {"label": "Phone", "keyType": "EC_P256", "publicKey": "%s"}"""
                                .formatted(publicKey))
                .expect(201)
                .json();

        assertFalse(registered.containsKey("provisioningKey"));
        assertEquals("EC_P256", registered.getString("keyType"));
        assertTrue(registered.getString("publicKey").startsWith("-----BEGIN PUBLIC KEY-----"));
        assertEquals("ACTIVE", registered.getString("status"));
    }

    @Test
    void rsaAndX25519KeysAreAcceptedAndAWeakOrMismatchedKeyIsNot() throws Exception {
        String subscriber = Api.unique("kinds");
        Api.newSubscriber(subscriber);
        String path = "/api/subscribers/" + subscriber + "/terminals";
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        String rsa2048 = Base64.getEncoder()
                .encodeToString(rsa.generateKeyPair().getPublic().getEncoded());
        rsa.initialize(1024);
        String rsa1024 = Base64.getEncoder()
                .encodeToString(rsa.generateKeyPair().getPublic().getEncoded());
        String x25519 = Base64.getEncoder()
                .encodeToString(KeyPairGenerator.getInstance("X25519")
                        .generateKeyPair()
                        .getPublic()
                        .getEncoded());

        post(Credentials.OPERATOR, path, body("RSA", rsa2048)).expect(201);
        post(Credentials.OPERATOR, path, body("X25519", x25519)).expect(201);
        JsonObject weak = post(Credentials.OPERATOR, path, body("RSA", rsa1024)).expectProblem(400, "invalid-key");
        assertTrue(weak.getString("detail").contains("1024"), weak.toString());
        post(Credentials.OPERATOR, path, body("EC_P256", x25519)).expectProblem(400, "invalid-key");
        post(Credentials.OPERATOR, path, body("RSA", "bm90IGEga2V5")).expectProblem(400, "invalid-key");
        post(
                        Credentials.OPERATOR,
                        path,
                        """
                {"label": "x", "keyType": "AES_256", "publicKey": "%s"}"""
                                .formatted(x25519))
                .expectProblem(400, "invalid-key");

        assertEquals(2, get(Credentials.OPERATOR, path).expect(200).array().size(), "only the accepted ones");
    }

    @Test
    void revokedTerminalStaysListedAsRevokedAndRemovedOneIsGone() {
        String subscriber = Api.unique("rev");
        Credentials owner = Api.newSubscriber(subscriber);
        String base = "/api/subscribers/" + subscriber + "/terminals/";
        String id = Api.unique("t");
        post(
                        owner,
                        "/api/subscribers/" + subscriber + "/terminals",
                        """
                {"id": "%s", "label": "Old TV", "keyType": "AES_256"}""".formatted(id))
                .expect(201);

        JsonObject revoked = post(owner, base + id + "/revoke", "").expect(200).json();
        assertEquals("REVOKED", revoked.getString("status"));
        assertNotNull(revoked.getString("revokedAt"));
        JsonObject again = post(owner, base + id + "/revoke", "").expect(200).json();
        assertEquals(revoked.getString("revokedAt"), again.getString("revokedAt"), "revoking twice changes nothing");

        delete(owner, base + id).expect(204);
        get(owner, base + id).expectProblem(404, "not-found");
        assertEquals(
                JsonValue.EMPTY_JSON_ARRAY,
                get(owner, "/api/subscribers/" + subscriber + "/terminals")
                        .expect(200)
                        .array());
    }

    @Test
    void terminalOfAnotherSubscriberIsNotFoundUnderThisOne() {
        String id = Api.unique("t");
        post(
                        Credentials.OPERATOR,
                        "/api/subscribers/bob/terminals",
                        """
                {"id": "%s", "label": "Bob's", "keyType": "AES_256"}""".formatted(id))
                .expect(201);

        get(Credentials.OPERATOR, "/api/subscribers/alice/terminals/" + id).expectProblem(404, "not-found");
        delete(Credentials.OPERATOR, "/api/subscribers/alice/terminals/" + id).expectProblem(404, "not-found");
        get(Credentials.OPERATOR, "/api/subscribers/bob/terminals/" + id).expect(200);
    }

    @Test
    void registeringForAnUnknownSubscriberIsNotFound() {
        post(
                        Credentials.OPERATOR,
                        "/api/subscribers/nobody-" + Api.unique("x") + "/terminals",
                        """
                {"label": "TV", "keyType": "AES_256"}""")
                .expectProblem(404, "not-found");
    }

    private static String body(String keyType, String publicKey) {
        return """
                {"label": "device", "keyType": "%s", "publicKey": "%s"}"""
                .formatted(keyType, publicKey);
    }
}

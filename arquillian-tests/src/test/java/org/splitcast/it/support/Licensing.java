package org.splitcast.it.support;

import static org.splitcast.it.support.Api.post;

import jakarta.json.JsonObject;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import org.splitcast.it.support.Api.Credentials;

/** Fixtures of the license tests: contents with rules, entitlements, terminals with their keys. */
public final class Licensing {

    private Licensing() {}

    /** A subscriber with an account, as {@link Api#newSubscriber}. */
    public record Subscriber(String id, Credentials credentials) {
        public static Subscriber create(String prefix) {
            String id = Api.unique(prefix);
            return new Subscriber(id, Api.newSubscriber(id));
        }
    }

    /** An AES_256 terminal and its KT (from the one registration response that carries it). */
    public record SymmetricTerminal(String id, byte[] kt) {}

    /** A public-key terminal and its key pair (generated here, as a device would). */
    public record PublicKeyTerminal(String id, KeyPair keyPair) {}

    /** A content with {@code rulesJson} (null: no rules) bought by nobody yet. */
    public static String content(String rulesJson) {
        String id = Api.unique("film");
        post(
                        Credentials.OPERATOR,
                        "/api/contents",
                        """
                        {"id": "%s", "title": "Film %s", "genre": "drama", "durationSeconds": 5400%s}"""
                                .formatted(id, id, rulesJson == null ? "" : ", \"rules\": " + rulesJson))
                .expect(201);
        return id;
    }

    /** Entitles the subscriber to the content (a purchase, valid from now, open-ended). */
    public static JsonObject entitle(String subscriberId, String contentId) {
        return post(
                        Credentials.INTEGRATOR,
                        "/api/subscribers/" + subscriberId + "/entitlements",
                        """
                        {"contentId": "%s"}""".formatted(contentId))
                .expect(201)
                .json();
    }

    public static SymmetricTerminal symmetricTerminal(String subscriberId) {
        String id = Api.unique("tv");
        String key = post(
                        Credentials.INTEGRATOR,
                        "/api/subscribers/" + subscriberId + "/terminals",
                        """
                        {"id": "%s", "label": "TV", "keyType": "AES_256"}""".formatted(id))
                .expect(201)
                .json()
                .getString("provisioningKey");
        return new SymmetricTerminal(id, Base64.getDecoder().decode(key));
    }

    public static PublicKeyTerminal ecTerminal(String subscriberId) {
        try {
            KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
            ec.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = ec.generateKeyPair();
            String id = Api.unique("phone");
            post(
                            Credentials.INTEGRATOR,
                            "/api/subscribers/" + subscriberId + "/terminals",
                            """
                            {"id": "%s", "label": "Phone", "keyType": "EC_P256", "publicKey": "%s"}"""
                                    .formatted(
                                            id,
                                            Base64.getEncoder()
                                                    .encodeToString(
                                                            pair.getPublic().getEncoded())))
                    .expect(201);
            return new PublicKeyTerminal(id, pair);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The size of the terminal's part of the precomputed access store. */
    public static long storedFor(String terminalId) {
        return Api.get(Credentials.OPERATOR, "/api/precompute/store?terminalId=" + terminalId)
                .expect(200)
                .json()
                .getJsonNumber("entries")
                .longValue();
    }

    /** Precomputes the access blocks of the subscriber's terminals for the contents. */
    public static JsonObject precompute(String subscriberId, String... contentIds) {
        StringBuilder ids = new StringBuilder();
        for (String c : contentIds) {
            ids.append(ids.length() == 0 ? "" : ",").append('"').append(c).append('"');
        }
        return post(
                        Credentials.OPERATOR,
                        "/api/precompute",
                        """
                        {"subscriberId": "%s", "contentIds": [%s]}"""
                                .formatted(subscriberId, ids))
                .expect(200)
                .json();
    }

    /** A license request body with a fresh nonce. */
    public static String requestBody(String contentId, String terminalId, String nonce) {
        return """
                {"contentId": "%s", "terminalId": "%s", "nonce": "%s"}"""
                .formatted(contentId, terminalId, nonce);
    }
}

package org.splitcast.license.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KeySetTest {

    private static final List<VerificationKey> KEYS = Fixtures.KEY_SET.keys();

    @Test
    void jsonRoundTripKeepsEveryKey() {
        String json = KeySet.toJson(KEYS);

        KeySet parsed = KeySet.parse(json);

        assertEquals(3, parsed.keys().size());
        for (VerificationKey key : KEYS) {
            VerificationKey found = parsed.find(key.keyId()).orElseThrow();
            assertEquals(key.algorithm(), found.algorithm());
            assertArrayEquals(key.publicKey().getEncoded(), found.publicKey().getEncoded());
        }
        assertTrue(parsed.find("nope").isEmpty());
        assertTrue(parsed.find(null).isEmpty());
    }

    @Test
    void jsonHasTheDocumentedMembers() {
        JsonNode keys = Json.readObject(KeySet.toJson(KEYS), "set").get("keys");

        JsonNode rsa = keys.get(0);
        assertEquals("RSA", rsa.get("kty").textValue());
        assertEquals("PS256", rsa.get("alg").textValue());
        assertEquals("sig", rsa.get("use").textValue());
        assertEquals("AQAB", rsa.get("e").textValue());
        assertEquals(384, Base64Url.decode(rsa.get("n").textValue()).length);
        JsonNode ec = keys.get(1);
        assertEquals("EC", ec.get("kty").textValue());
        assertEquals("P-256", ec.get("crv").textValue());
        assertEquals(32, Base64Url.decode(ec.get("x").textValue()).length);
        assertEquals(32, Base64Url.decode(ec.get("y").textValue()).length);
        JsonNode ed = keys.get(2);
        assertEquals("OKP", ed.get("kty").textValue());
        assertEquals("Ed25519", ed.get("crv").textValue());
        assertEquals("EdDSA", ed.get("alg").textValue());
        assertEquals(32, Base64Url.decode(ed.get("x").textValue()).length);
    }

    @Test
    void entriesOfUnknownTypeAlgorithmOrUseAreSkipped() {
        String json = edit(set -> {
            ArrayNode keys = (ArrayNode) set.get("keys");
            keys.addObject().put("kty", "oct").put("kid", "sym").put("k", "AAAA");
            keys.addObject()
                    .put("kty", "RSA")
                    .put("kid", "rs256")
                    .put("alg", "RS256")
                    .put("n", "AQAB")
                    .put("e", "AQAB");
            ((ObjectNode) keys.get(0)).put("use", "enc");
        });

        KeySet parsed = KeySet.parse(json);

        assertEquals(2, parsed.keys().size());
        assertTrue(parsed.find(KEYS.get(0).keyId()).isEmpty(), "use=enc is not a signing key");
    }

    @Test
    void malformedSetsAreRejected() {
        for (String json : List.of(
                "",
                "[]",
                "{}",
                "{\"keys\":{}}",
                "{\"keys\":[1]}",
                edit(set -> entry(set, 1).put("x", "AAAA")),
                edit(set -> entry(set, 1).put("x", "not base64url!")),
                edit(set -> entry(set, 1).put("crv", "P-384")),
                edit(set -> entry(set, 1).remove("kid")),
                edit(set -> entry(set, 1).put("alg", "PS256")),
                edit(set -> entry(set, 2).put("crv", "X25519")),
                edit(set -> entry(set, 2).put("kid", KEYS.get(0).keyId())),
                // a point that is not on the curve
                edit(set -> entry(set, 1).put("y", entry(set, 1).get("x").textValue())))) {
            assertThrows(IllegalArgumentException.class, () -> KeySet.parse(json), json);
        }
    }

    @Test
    void weakRsaKeyIsRejected() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        PublicKey weak = generator.generateKeyPair().getPublic();
        ObjectNode jwk = Keys.putPublicMembers(Json.object(), weak);
        jwk.put("kid", "weak").put("alg", "PS256");
        String json = "{\"keys\":[" + Json.string(jwk) + "]}";

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KeySet.parse(json));
        assertTrue(e.getMessage().contains("1024 bits"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void pemIsTheSubjectPublicKeyInfo(SignatureAlgorithm algorithm) throws Exception {
        PublicKey key = Fixtures.signingKey(algorithm).publicKey();

        String pem = KeySet.toPem(key);

        assertTrue(pem.startsWith("-----BEGIN PUBLIC KEY-----"), pem);
        assertTrue(pem.strip().endsWith("-----END PUBLIC KEY-----"), pem);
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        byte[] der = Base64.getDecoder().decode(body);
        assertArrayEquals(key.getEncoded(), der);
        String jdkAlgorithm =
                switch (algorithm) {
                    case PS256 -> "RSA";
                    case ES256 -> "EC";
                    case EdDSA -> "Ed25519";
                };
        PublicKey parsed = KeyFactory.getInstance(jdkAlgorithm).generatePublic(new X509EncodedKeySpec(der));
        assertEquals(algorithm, SignatureAlgorithm.of(parsed));
    }

    @Test
    void duplicateKeyIdsAreRefused() {
        VerificationKey key = KEYS.get(1);
        assertThrows(IllegalArgumentException.class, () -> KeySet.of(List.of(key, key)));
    }

    private static ObjectNode entry(ObjectNode set, int index) {
        return (ObjectNode) set.get("keys").get(index);
    }

    private static String edit(Consumer<ObjectNode> change) {
        ObjectNode set = (ObjectNode) Json.readObject(KeySet.toJson(KEYS), "set");
        change.accept(set);
        return Json.string(set);
    }
}

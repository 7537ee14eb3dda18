package org.splitcast.license.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.crypto.PublicKeyCodec;

/**
 * The server's license verification keys as a JWK set (docs §5, RFC 7517 §5): what {@code GET
 * /api/license-keys} answers and what a terminal keeps. Immutable.
 */
public final class KeySet {

    private static final Set<String> KNOWN_KEY_TYPES = Set.of("RSA", "EC", "OKP");

    private final Map<String, VerificationKey> byId;

    private KeySet(Map<String, VerificationKey> byId) {
        this.byId = byId;
    }

    /**
     * A key set of these keys.
     *
     * @throws IllegalArgumentException if two keys share an id
     */
    public static KeySet of(Collection<VerificationKey> keys) {
        Map<String, VerificationKey> byId = new LinkedHashMap<>();
        for (VerificationKey key : keys) {
            if (byId.putIfAbsent(key.keyId(), key) != null) {
                throw new IllegalArgumentException("two keys with kid '" + key.keyId() + "'");
            }
        }
        return new KeySet(byId);
    }

    /** {@code {"keys":[{kty, kid, alg, use:"sig", ...}]}}. */
    public static String toJson(Collection<VerificationKey> keys) {
        ObjectNode root = Json.object();
        ArrayNode array = root.putArray("keys");
        for (VerificationKey key : keys) {
            ObjectNode jwk = Json.object();
            jwk.put("kty", key.algorithm().keyType());
            jwk.put("kid", key.keyId());
            jwk.put("alg", key.algorithm().jwsName());
            jwk.put("use", "sig");
            ObjectNode members = Keys.putPublicMembers(Json.object(), key.publicKey());
            members.remove("kty");
            jwk.setAll(members);
            array.add(jwk);
        }
        return Json.string(root);
    }

    /** This set as JSON. */
    public String toJson() {
        return toJson(byId.values());
    }

    /** {@link #parse(String, CryptoProvider)} with {@link CryptoProvider#getDefault()}. */
    public static KeySet parse(String json) {
        return parse(json, CryptoProvider.getDefault());
    }

    /**
     * Reads a JWK set. Entries of a key type or algorithm this format does not know, or whose
     * {@code use} is not {@code sig}, are skipped (RFC 7517 §5); an entry of a known type that is
     * malformed, has no {@code kid}, or whose key does not fit its {@code alg} fails the whole set.
     *
     * @throws IllegalArgumentException on bad input, saying which entry
     */
    public static KeySet parse(String json, CryptoProvider crypto) {
        JsonNode root = Json.readObject(json, "key set");
        JsonNode keys = root.get("keys");
        if (keys == null || !keys.isArray()) {
            throw new IllegalArgumentException("key set: 'keys' must be an array");
        }
        List<VerificationKey> parsed = new ArrayList<>();
        int index = 0;
        for (JsonNode jwk : keys) {
            String where = "key set entry " + index++;
            if (!jwk.isObject()) {
                throw new IllegalArgumentException(where + " is not an object");
            }
            try {
                String kty = Json.requiredString(jwk, "kty");
                String use = Json.optionalString(jwk, "use");
                String alg = Json.optionalString(jwk, "alg");
                if (!KNOWN_KEY_TYPES.contains(kty) || (use != null && !use.equals("sig")) || alg == null) {
                    continue;
                }
                SignatureAlgorithm algorithm;
                try {
                    algorithm = SignatureAlgorithm.fromJwsName(alg);
                } catch (IllegalArgumentException unknown) {
                    continue;
                }
                if (!algorithm.keyType().equals(kty)) {
                    throw new IllegalArgumentException("alg " + alg + " does not fit kty " + kty);
                }
                if (kty.equals("OKP") && !"Ed25519".equals(Json.optionalString(jwk, "crv"))) {
                    throw new IllegalArgumentException("an EdDSA key must be on Ed25519");
                }
                String kid = Json.requiredString(jwk, "kid");
                PublicKey key = Keys.publicKey(jwk, crypto);
                parsed.add(new VerificationKey(kid, algorithm, key));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage());
            }
        }
        return of(parsed);
    }

    public Optional<VerificationKey> find(String keyId) {
        return keyId == null ? Optional.empty() : Optional.ofNullable(byId.get(keyId));
    }

    /** The keys, in the order of the set. */
    public List<VerificationKey> keys() {
        return List.copyOf(byId.values());
    }

    /** The SubjectPublicKeyInfo PEM of a key ({@code -----BEGIN PUBLIC KEY-----}). */
    public static String toPem(PublicKey key) {
        return PublicKeyCodec.toPem(key.getEncoded());
    }

    @Override
    public String toString() {
        return "KeySet" + byId.keySet();
    }
}

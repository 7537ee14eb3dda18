package org.splitcast.multicast.session;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Objects;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.license.format.TerminalKey;
import org.splitcast.license.format.TerminalKeyWrapping;
import org.splitcast.license.format.TerminalSecret;
import org.splitcast.multicast.keys.KeyRef;

/**
 * What the server answers to a session request or a renewal (claims 3 and 7), as JSON (docs/live.md
 * §2):
 *
 * <pre>
 * {"sessionId": "...", "terminalId": "...", "contentId": "...", "groupId": "...",
 *  "expiresAt": "2026-12-07T10:00:00Z",
 *  "leaf": {"id": 12, "version": 345},
 *  "sk": {"alg": "A256KW", "key": "..."},         // SK wrapped for the terminal (license wrap)
 *  "ticket": "...",                               // JoinTicket, base64url
 *  "keys": "..."}                                 // the member's PATH key message, base64url
 * </pre>
 *
 * The {@code sk} object is the license format's {@code wrap} object (docs/license-format.md §3.2:
 * A256KW under KT, RSA-OAEP-256, or ECDH-ES+A256KW with PartyVInfo = terminal id) around the 32
 * bytes of SK.
 */
public record SessionGrant(
        String sessionId,
        String terminalId,
        String contentId,
        String groupId,
        Instant expiresAt,
        KeyRef leaf,
        String wrappedSessionKey,
        String ticket,
        byte[] keyMessage) {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    /** Larger than any grant (a PATH message of a 2^20-member group is about 3 KB). */
    public static final int MAX_JSON = 64 * 1024;

    public SessionGrant {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(terminalId, "terminalId");
        Objects.requireNonNull(contentId, "contentId");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(leaf, "leaf");
        Objects.requireNonNull(wrappedSessionKey, "wrappedSessionKey");
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(keyMessage, "keyMessage");
    }

    /** SK wrapped for the terminal's registered key, as the {@code sk} member holds it. */
    public static String wrapSessionKey(TerminalKey key, byte[] sessionKey, String terminalId, CryptoProvider crypto) {
        return TerminalKeyWrapping.wrap(key, sessionKey, terminalId, crypto);
    }

    /**
     * Terminal side: SK from the {@code sk} member.
     *
     * @throws TerminalKeyWrapping.UnwrapFailedException if this terminal's key does not open it
     */
    public byte[] openSessionKey(TerminalSecret secret, CryptoProvider crypto)
            throws TerminalKeyWrapping.UnwrapFailedException {
        return TerminalKeyWrapping.unwrap(wrappedSessionKey, secret, terminalId, 32, crypto);
    }

    public String toJson() {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("sessionId", sessionId);
        o.put("terminalId", terminalId);
        o.put("contentId", contentId);
        o.put("groupId", groupId);
        o.put("expiresAt", expiresAt.toString());
        ObjectNode l = o.putObject("leaf");
        l.put("id", leaf.id());
        l.put("version", leaf.version());
        try {
            o.set("sk", MAPPER.readTree(wrappedSessionKey));
            o.put("ticket", ticket);
            o.put("keys", B64.encodeToString(keyMessage));
            return MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the session grant", e);
        }
    }

    /**
     * Reads a grant.
     *
     * @throws IllegalArgumentException naming the member that is missing or malformed
     */
    public static SessionGrant fromJson(String json) {
        if (json == null || json.length() > MAX_JSON) {
            throw new IllegalArgumentException("missing or oversized session grant");
        }
        JsonNode o;
        try {
            o = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the session grant is not valid JSON");
        }
        if (o == null || !o.isObject()) {
            throw new IllegalArgumentException("the session grant is not a JSON object");
        }
        JsonNode leaf = o.get("leaf");
        JsonNode sk = o.get("sk");
        if (leaf == null || !leaf.isObject() || sk == null || !sk.isObject()) {
            throw new IllegalArgumentException("'leaf' and 'sk' must be objects");
        }
        try {
            return new SessionGrant(
                    text(o, "sessionId"),
                    text(o, "terminalId"),
                    text(o, "contentId"),
                    text(o, "groupId"),
                    Instant.parse(text(o, "expiresAt")),
                    KeyRef.node(number(leaf, "id"), number(leaf, "version")),
                    MAPPER.writeValueAsString(sk),
                    text(o, "ticket"),
                    Base64.getUrlDecoder().decode(text(o, "keys")));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'expiresAt' is not an ISO-8601 instant");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("'sk' is not valid JSON");
        }
    }

    private static String text(JsonNode o, String member) {
        JsonNode v = o.get(member);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("'" + member + "' must be a string");
        }
        return v.textValue();
    }

    private static long number(JsonNode o, String member) {
        JsonNode v = o.get(member);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < 0) {
            throw new IllegalArgumentException("'leaf." + member + "' must be a whole number");
        }
        return v.longValue();
    }

    @Override
    public String toString() {
        return "SessionGrant[" + sessionId + ", terminal " + terminalId + ", group " + groupId + ", until " + expiresAt
                + "]";
    }
}

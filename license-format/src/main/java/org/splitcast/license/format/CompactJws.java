package org.splitcast.license.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;

/**
 * A JWS in compact serialization (RFC 7515 §7.1), split but not yet trusted: the signing input is
 * the ASCII bytes of the first two parts exactly as received.
 */
record CompactJws(JsonNode header, byte[] payload, byte[] signingInput, byte[] signature) {

    /** Longest access or grant accepted: far above what the format produces, bounds the work. */
    static final int MAX_CHARS = 64 * 1024;

    /**
     * Splits and decodes; checks nothing cryptographic.
     *
     * @throws IllegalArgumentException if it is not three strict base64url parts with a JSON
     *     object header
     */
    static CompactJws parse(String compact, String what) {
        if (compact == null || compact.isEmpty()) {
            throw new IllegalArgumentException(what + " is missing");
        }
        if (compact.length() > MAX_CHARS) {
            throw new IllegalArgumentException(what + " is longer than " + MAX_CHARS + " characters");
        }
        int first = compact.indexOf('.');
        int second = first < 0 ? -1 : compact.indexOf('.', first + 1);
        if (first <= 0
                || second <= first + 1
                || second == compact.length() - 1
                || compact.indexOf('.', second + 1) >= 0) {
            throw new IllegalArgumentException(what + " is not a compact JWS of three non-empty parts");
        }
        byte[] headerBytes;
        byte[] payload;
        byte[] signature;
        try {
            headerBytes = Base64Url.decode(compact.substring(0, first));
            payload = Base64Url.decode(compact.substring(first + 1, second));
            signature = Base64Url.decode(compact.substring(second + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + ": " + e.getMessage());
        }
        JsonNode header = Json.readObject(headerBytes, what + " header");
        // base64url is ASCII, so these are the received characters byte for byte
        byte[] signingInput = compact.substring(0, second).getBytes(StandardCharsets.US_ASCII);
        return new CompactJws(header, payload, signingInput, signature);
    }

    /** {@code BASE64URL(header) "." BASE64URL(payload)}, the part that is signed or MACed. */
    static String signingInput(byte[] header, byte[] payload) {
        return Base64Url.encode(header) + "." + Base64Url.encode(payload);
    }
}

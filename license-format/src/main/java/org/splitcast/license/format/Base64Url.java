package org.splitcast.license.format;

import java.util.Base64;

/** BASE64URL of RFC 7515 §2: the URL-safe alphabet, no padding, and nothing else accepted. */
final class Base64Url {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Base64Url() {}

    static String encode(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    /**
     * Decodes strict base64url: only {@code A-Z a-z 0-9 - _}, no padding, no line breaks, and the
     * canonical encoding of its bytes (unused trailing bits zero).
     *
     * @throws IllegalArgumentException otherwise
     */
    static byte[] decode(String text) {
        if (text == null) {
            throw new IllegalArgumentException("missing base64url value");
        }
        int length = text.length();
        if (length % 4 == 1) {
            throw new IllegalArgumentException("not base64url: impossible length");
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            boolean ok =
                    (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok) {
                throw new IllegalArgumentException("not base64url without padding");
            }
        }
        byte[] bytes = DECODER.decode(text);
        if (length % 4 != 0 && !ENCODER.encodeToString(bytes).equals(text)) {
            throw new IllegalArgumentException("not canonical base64url");
        }
        return bytes;
    }
}

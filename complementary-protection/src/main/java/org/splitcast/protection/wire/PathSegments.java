package org.splitcast.protection.wire;

import java.nio.charset.StandardCharsets;

/** Percent-encoding of ids in URI path segments and query values (RFC 3986: unreserved kept). */
public final class PathSegments {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PathSegments() {}

    /** Every byte of the UTF-8 form except {@code A-Z a-z 0-9 - . _ ~} as {@code %XX}. */
    public static String encode(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >>> 4]).append(HEX[c & 15]);
            }
        }
        return out.toString();
    }

    /**
     * The inverse of {@link #encode}: {@code %XX} sequences to bytes, the rest as ASCII, the result
     * read as UTF-8.
     *
     * @throws IllegalArgumentException on a malformed escape or a character outside printable ASCII
     */
    public static String decode(String value) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%') {
                if (i + 2 >= value.length()) {
                    throw new IllegalArgumentException("a truncated %-escape");
                }
                int hi = Character.digit(value.charAt(i + 1), 16);
                int lo = Character.digit(value.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new IllegalArgumentException("an invalid %-escape");
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else if (c > 0x20 && c < 0x7F) {
                bytes.write(c);
            } else {
                throw new IllegalArgumentException("a character that must be %-escaped");
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalArgumentException("not UTF-8 once decoded");
        }
    }
}

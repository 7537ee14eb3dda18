package org.splitcast.protection.envelope;

/**
 * How an envelope's payload was compressed before it was encrypted (seed 000, claim 4), as its
 * compression byte says (docs/protected-complementary-format.md §4). A reader refuses a code it
 * does not know, with a message that names it, so that a later writer may add codecs.
 */
public enum Compression {
    /** The payload is the plaintext itself. */
    NONE(0, "none"),
    /** The payload is a raw Deflate stream (RFC 1951, no zlib or gzip wrapper) of the plaintext. */
    DEFLATE(1, "deflate");

    /** Reserved for Zstandard frames (RFC 8878); not written or read by this version. */
    public static final int RESERVED_ZSTD = 2;

    private final int code;
    private final String label;

    Compression(int code, String label) {
        this.code = code;
        this.label = label;
    }

    public int code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** The compression of a code, or null if this version does not know it. */
    public static Compression ofCode(int code) {
        for (Compression c : values()) {
            if (c.code == code) {
                return c;
            }
        }
        return null;
    }
}

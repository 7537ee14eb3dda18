package org.splitcast.separation.complementary;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The fingerprint of a main stream, as the container defines it: SHA-256 over a label, then for
 * every chunk its byte range and the SHA-256 of the main-stream bytes in that range, then the
 * total length and the chunk count (docs/complementary-format.md §5). A hash list rather than a
 * plain SHA-256 of the file, so that separation and rebuild hash every main-stream byte once
 * (for the per-chunk digest) and still get one value that binds the whole main stream.
 */
public final class MainFingerprint {

    public static final int BYTES = 32;
    static final byte[] LABEL = "SCCI main fingerprint v1".getBytes(StandardCharsets.US_ASCII);

    private final MessageDigest sha;
    private long chunks;
    private long nextOffset;

    public MainFingerprint() {
        sha = sha256();
        sha.update(LABEL);
    }

    /** Adds the next chunk; ranges must follow each other without gaps. */
    public void add(long mainOffset, long mainLength, byte[] chunkDigest) {
        if (mainOffset != nextOffset) {
            throw new IllegalArgumentException("chunk at " + mainOffset + " does not follow " + nextOffset);
        }
        sha.update(longBytes(mainOffset));
        sha.update(longBytes(mainLength));
        sha.update(chunkDigest);
        nextOffset = mainOffset + mainLength;
        chunks++;
    }

    public long chunkCount() {
        return chunks;
    }

    public long mainLength() {
        return nextOffset;
    }

    /** Finishes the fingerprint; the object cannot be used afterwards. */
    public byte[] finish() {
        sha.update(longBytes(nextOffset));
        sha.update(longBytes(chunks));
        return sha.digest();
    }

    static byte[] longBytes(long v) {
        byte[] b = new byte[8];
        for (int i = 7; i >= 0; i--) {
            b[i] = (byte) v;
            v >>>= 8;
        }
        return b;
    }

    /** SHA-256 from the JDK (always present: it is a required JCA algorithm). */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}

package org.splitcast.protection.envelope;

import java.util.zip.Deflater;

/**
 * How a sealer compresses. Whatever the policy, a payload that would not come out smaller than
 * the plaintext is stored uncompressed ({@link Compression#NONE}), which the envelope's
 * compression byte says; readers follow that byte, never the policy.
 *
 * <p>Extracted media bytes are already entropy-coded: on real clips Deflate saves nothing on
 * H.264, under 1 % on HEVC, about 6 % on MPEG-2 video (docs/protected-complementary-format.md §4).
 * An <em>adaptive</em> policy therefore stops trying once the chunks of a run prove incompressible,
 * and tries one chunk again now and then, so that ingest does not pay for compression that saves
 * nothing.
 *
 * @param compression the codec tried
 * @param level its level (Deflate: 1 fastest to 9 smallest)
 * @param adaptive whether to stop trying after {@value #PROBE_CHUNKS} chunks that saved less than
 *     {@value #MIN_SAVING_PERCENT} % together (one chunk in {@value #REPROBE_EVERY} is tried again)
 */
public record CompressionPolicy(Compression compression, int level, boolean adaptive) {

    /** Chunks compressed before an adaptive policy judges whether compression pays. */
    public static final int PROBE_CHUNKS = 8;
    /** The saving below which an adaptive policy stops compressing. */
    public static final int MIN_SAVING_PERCENT = 1;
    /** Once stopped, an adaptive policy tries again on one chunk in this many. */
    public static final int REPROBE_EVERY = 64;

    /**
     * The default of this version: raw Deflate at level 1 (as small as level 6 or 9 on these
     * data, and the fastest), adaptive.
     */
    public static final CompressionPolicy DEFAULT = new CompressionPolicy(Compression.DEFLATE, 1, true);

    /** No compression at all. */
    public static final CompressionPolicy NONE = new CompressionPolicy(Compression.NONE, 0, false);

    public CompressionPolicy {
        if (compression == null) {
            throw new IllegalArgumentException("a compression is required");
        }
        if (compression == Compression.DEFLATE && (level < Deflater.BEST_SPEED || level > Deflater.BEST_COMPRESSION)) {
            throw new IllegalArgumentException("Deflate levels are 1 to 9");
        }
    }

    /** Deflate at {@code level} on every record (no adaptation). */
    public static CompressionPolicy deflate(int level) {
        return new CompressionPolicy(Compression.DEFLATE, level, false);
    }
}

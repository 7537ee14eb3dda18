package org.splitcast.separation;

/**
 * What the separation did with one elementary stream.
 *
 * @param codec the codec's name, or a description of a stream type that passed through
 * @param isProtected whether bytes of it were candidates for extraction (false: passed through)
 * @param resolution "WxH" for video whose headers said so, else null
 * @param esBytes elementary-stream bytes (PES payload) seen
 * @param extractedBytes bytes extracted into the complementary information
 * @param units coded units seen (slices or audio frames)
 * @param unitsHit units with at least one extracted byte
 * @param skippedUnits units left alone because their header could not be parsed
 * @param resyncs times the stream's structure was lost and found again
 */
public record StreamReport(
        int programNumber,
        int pid,
        int streamType,
        String codec,
        boolean isProtected,
        String resolution,
        long esBytes,
        long extractedBytes,
        long units,
        long unitsHit,
        long skippedUnits,
        long resyncs) {

    /** Extracted bytes over the stream's own ES bytes. */
    public double shareOfStream() {
        return esBytes == 0 ? 0 : (double) extractedBytes / esBytes;
    }
}

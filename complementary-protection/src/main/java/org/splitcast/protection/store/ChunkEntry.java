package org.splitcast.protection.store;

/**
 * One chunk in a protected store's index (docs/protected-complementary-format.md §7.4): where its
 * envelope is in the file, and the main-stream bytes and stream time it covers. Public data: none
 * of it is complementary information.
 *
 * @param index the chunk index, from 0
 * @param envelopeOffset file offset of the chunk's envelope
 * @param envelopeLength the envelope's size in bytes
 * @param envelopeCrc CRC32C of the envelope's bytes (catches damage at rest; not a security check)
 * @param mainOffset first main-stream byte the chunk covers
 * @param mainLength main-stream bytes it covers
 * @param startTime90k its start in stream time, 90 kHz ticks since the stream's first clock sample
 * @param duration90k its duration in 90 kHz ticks
 */
public record ChunkEntry(
        long index,
        long envelopeOffset,
        int envelopeLength,
        int envelopeCrc,
        long mainOffset,
        int mainLength,
        long startTime90k,
        long duration90k) {

    /** The file offset just after the envelope. */
    public long envelopeEnd() {
        return envelopeOffset + envelopeLength;
    }

    public long mainEnd() {
        return mainOffset + mainLength;
    }
}

package org.splitcast.separation.complementary;

import java.io.IOException;

/**
 * Where a separation sends its complementary information as it goes: the header first, then each
 * chunk as soon as its stream-time range is complete, then the trailer. {@link
 * ComplementaryWriter} stores them as a container; a live server implements this interface to
 * encrypt and multicast each chunk in step with the stream (seed 000, claim 1).
 */
public interface ComplementarySink {

    /** Called once, before any chunk. Length and fingerprint are not known yet. */
    void begin(ComplementaryInfo header) throws IOException;

    /** Called for every chunk, in order, each covering the main-stream bytes after the previous. */
    void chunk(ComplementaryChunk chunk) throws IOException;

    /**
     * Called once at the end.
     *
     * @param completedHeader the header with the main stream's length and fingerprint filled in
     */
    void end(ComplementaryInfo completedHeader, ComplementaryTrailer trailer) throws IOException;
}

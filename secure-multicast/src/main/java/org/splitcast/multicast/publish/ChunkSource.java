package org.splitcast.multicast.publish;

import java.io.IOException;

/** Where a group's chunks come from, in order. Called from the publisher's thread only. */
public interface ChunkSource extends AutoCloseable {

    /** The next chunk, or null when the broadcast is over. */
    LiveChunk next() throws IOException;

    @Override
    void close() throws IOException;
}

package org.splitcast.session.delivery;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The sealed envelopes of one complementary request (docs/protected-complementary-format.md §8.2),
 * checked and ready to be sent: nothing in it is in clear, and sending it needs no key.
 *
 * @param keyId the key the envelopes are sealed under ({@code Splitcast-Key-Id})
 * @param chunkCount the content's number of chunks ({@code Splitcast-Chunk-Count})
 * @param chunks what the body holds: {@code header}, {@code trailer} or {@code FIRST..LAST} after
 *     clipping ({@code Splitcast-Chunks})
 * @param mainLength the main stream's length ({@code Splitcast-Main-Length})
 * @param length the body's length in bytes
 */
public record ComplementaryBody(
        String keyId, long chunkCount, String chunks, long mainLength, long length, Writer writer) {

    /** Sends the body; a failure midway means the response must be aborted, not ended. */
    public void writeTo(OutputStream out) throws IOException {
        writer.writeTo(out);
    }

    /** What sends the bytes. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }
}

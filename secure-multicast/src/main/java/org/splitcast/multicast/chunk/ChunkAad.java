package org.splitcast.multicast.chunk;

import java.util.Objects;

/**
 * What a sealed chunk is bound to: the content, the key that sealed it ({@code tek-<period>}) and
 * its live chunk number. Opening with any other value fails.
 */
public record ChunkAad(String contentId, String keyId, long chunkIndex) {

    public ChunkAad {
        Objects.requireNonNull(contentId, "contentId");
        Objects.requireNonNull(keyId, "keyId");
        if (chunkIndex < 0) {
            throw new IllegalArgumentException("chunk index must not be negative");
        }
    }
}

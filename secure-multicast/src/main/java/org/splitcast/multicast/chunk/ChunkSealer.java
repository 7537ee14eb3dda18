package org.splitcast.multicast.chunk;

/**
 * Seals a complementary-information chunk record for multicast (claim 4's compression and claim
 * 5's encryption) under a group's traffic key, and opens it again. The publisher and the terminal
 * use one implementation; the production one is the complementary-protection envelope bound with
 * a TEK-specific derivation label (docs/live.md §3.3). Implementations are thread-safe.
 */
public interface ChunkSealer {

    /** The sealed form of {@code record} under {@code trafficKey} (32 bytes), bound to {@code aad}. */
    byte[] seal(byte[] trafficKey, ChunkAad aad, byte[] record);

    /**
     * The record inside {@code sealed}.
     *
     * @throws SealedChunkException if the key, the bound values or any byte does not match, or the
     *     content is not a valid sealed chunk
     */
    byte[] open(byte[] trafficKey, ChunkAad aad, byte[] sealed) throws SealedChunkException;

    /** A sealed chunk that does not open. */
    final class SealedChunkException extends Exception {

        private static final long serialVersionUID = 1L;

        public SealedChunkException(String message) {
            super(message);
        }
    }
}

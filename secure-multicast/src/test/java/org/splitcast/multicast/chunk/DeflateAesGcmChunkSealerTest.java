package org.splitcast.multicast.chunk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.multicast.chunk.ChunkSealer.SealedChunkException;

/** The interim sealer: round trips, the adaptive choice of compression, refusals. */
class DeflateAesGcmChunkSealerTest {

    static final CryptoProvider CRYPTO = CryptoProvider.getDefault();
    static final int OVERHEAD = 1 + 12 + 16; // version, nonce, tag

    final byte[] tek = CRYPTO.randomBytes(32);
    final ChunkAad aad = new ChunkAad("content", "tek-7", 42);

    @Test
    void compressibleRecordsShrinkAndOpen() throws Exception {
        DeflateAesGcmChunkSealer sealer = new DeflateAesGcmChunkSealer(CRYPTO);
        byte[] record = new byte[16 * 1024]; // zeros
        byte[] sealed = sealer.seal(tek, aad, record);
        assertTrue(sealed.length < 1024, "16 KiB of zeros sealed to " + sealed.length + " bytes");
        assertArrayEquals(record, sealer.open(tek, aad, sealed));
    }

    @Test
    void afterARecordCompressionDidNotShrinkTheNext63AreStoredThenCompressionIsTriedAgain() throws Exception {
        DeflateAesGcmChunkSealer sealer = new DeflateAesGcmChunkSealer(CRYPTO);
        byte[] random = CRYPTO.randomBytes(16 * 1024);
        assertArrayEquals(random, sealer.open(tek, aad, sealer.seal(tek, aad, random)));
        byte[] zeros = new byte[16 * 1024];
        for (int i = 0; i < DeflateAesGcmChunkSealer.STORED_AFTER_UNPAID; i++) {
            byte[] sealed = sealer.seal(tek, aad, zeros);
            // stored blocks: the record's size plus a few header bytes, and still a DEFLATE stream
            assertTrue(
                    sealed.length >= zeros.length + OVERHEAD && sealed.length <= zeros.length + OVERHEAD + 16,
                    "record " + i + " after the random one: " + sealed.length + " bytes");
            assertArrayEquals(zeros, sealer.open(tek, aad, sealed));
        }
        byte[] retried = sealer.seal(tek, aad, zeros);
        assertTrue(retried.length < 1024, "compression tried again: " + retried.length + " bytes");
        assertArrayEquals(zeros, sealer.open(tek, aad, retried));
    }

    @Test
    void anotherKeyAnotherChunkIndexOrAnAlteredByteDoesNotOpen() {
        DeflateAesGcmChunkSealer sealer = new DeflateAesGcmChunkSealer(CRYPTO);
        byte[] sealed = sealer.seal(tek, aad, CRYPTO.randomBytes(4096));
        assertThrows(SealedChunkException.class, () -> sealer.open(CRYPTO.randomBytes(32), aad, sealed));
        assertThrows(SealedChunkException.class, () -> sealer.open(tek, new ChunkAad("content", "tek-7", 43), sealed));
        byte[] altered = sealed.clone();
        altered[altered.length / 2] ^= 1;
        assertThrows(SealedChunkException.class, () -> sealer.open(tek, aad, altered));
        assertThrows(SealedChunkException.class, () -> sealer.open(tek, aad, new byte[] {1, 2, 3}));
    }
}

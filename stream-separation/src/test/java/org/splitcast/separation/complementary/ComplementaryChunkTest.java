package org.splitcast.separation.complementary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ComplementaryChunkTest {

    static final byte[] ID = new byte[16];

    /** A chunk over {@code length} bytes at {@code offset} with random runs. */
    static ComplementaryChunk randomChunk(Random rng, long index, long offset, int length, int runs) {
        long[] offsets = new long[runs];
        int[] lengths = new int[runs];
        int count = 0;
        long position = offset;
        int data = 0;
        for (int i = 0; i < runs; i++) {
            long start = position + rng.nextInt(Math.max(1, length / (runs + 1)));
            int len = rng.nextBoolean() ? 16 : 1 + rng.nextInt(40);
            if (start + len > offset + length) {
                break;
            }
            offsets[count] = start;
            lengths[count++] = len;
            position = start + len;
            data += len;
        }
        byte[] extracted = new byte[data];
        rng.nextBytes(extracted);
        byte[] digest = new byte[32];
        rng.nextBytes(digest);
        return new ComplementaryChunk(
                ID,
                index,
                index * 180_000,
                180_000,
                offset,
                length,
                digest,
                rng.nextInt(),
                offsets,
                lengths,
                count,
                extracted,
                data);
    }

    @Test
    void chunkRecordsDecodeToTheSameChunk() throws Exception {
        Random rng = new Random(1);
        for (int i = 0; i < 300; i++) {
            ComplementaryChunk c =
                    randomChunk(rng, i, rng.nextInt(1 << 30), 1 + rng.nextInt(1 << 20), rng.nextInt(200));
            ComplementaryChunk d = ComplementaryChunk.decode(c.encode());
            assertEquals(c.index(), d.index());
            assertEquals(c.mainOffset(), d.mainOffset());
            assertEquals(c.mainLength(), d.mainLength());
            assertEquals(c.startTime90k(), d.startTime90k());
            assertEquals(c.duration90k(), d.duration90k());
            assertEquals(c.originalCrc(), d.originalCrc());
            assertArrayEquals(c.mainDigest(), d.mainDigest());
            assertEquals(c.runCount(), d.runCount());
            byte[] a = new byte[c.mainLength()];
            byte[] b = new byte[c.mainLength()];
            c.patch(a, 0);
            d.patch(b, 0);
            assertArrayEquals(a, b);
            assertArrayEquals(c.encode(), d.encode(), "encoding is canonical");
        }
    }

    @Test
    void everyAlteredByteOfAChunkRecordIsRejected() {
        ComplementaryChunk c = randomChunk(new Random(2), 3, 1000, 5000, 20);
        byte[] record = c.encode();
        for (int i = 0; i < record.length; i++) {
            byte[] bad = record.clone();
            bad[i] ^= 0x10;
            assertThrows(ComplementaryException.class, () -> ComplementaryChunk.decode(bad), "byte " + i);
        }
    }

    @Test
    void chunkRecordCutShortIsRejected() {
        byte[] record = randomChunk(new Random(3), 0, 0, 4000, 10).encode();
        for (int n = 0; n < record.length; n++) {
            byte[] cut = Arrays.copyOf(record, n);
            assertThrows(ComplementaryException.class, () -> ComplementaryChunk.decode(cut), "length " + n);
        }
    }

    @Test
    void runPositionsAreDeltaEncodedCompactly() {
        int runs = 100;
        long[] offsets = new long[runs];
        int[] lengths = new int[runs];
        for (int i = 0; i < runs; i++) {
            offsets[i] = 1_000_000L + i * 700L;
            lengths[i] = 16;
        }
        byte[] data = new byte[runs * 16];
        ComplementaryChunk c = new ComplementaryChunk(
                ID, 7, 0, 180_000, 1_000_000, 100_000, new byte[32], 0, offsets, lengths, runs, data, data.length);
        int framing = c.encode().length - data.length;
        // per run: a two-byte gap, no length (all runs have the default length); plus ~80 bytes
        assertTrue(framing <= 2 * runs + 90, "framing " + framing + " bytes for " + runs + " runs");
    }

    @Test
    void runsOutsideTheChunkAreRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new ComplementaryChunk(
                        ID, 0, 0, 0, 100, 50, new byte[32], 0, new long[] {140}, new int[] {20}, 1, new byte[20], 20));
        assertThrows(
                IllegalArgumentException.class,
                () -> new ComplementaryChunk(
                        ID,
                        0,
                        0,
                        0,
                        100,
                        50,
                        new byte[32],
                        0,
                        new long[] {110, 112},
                        new int[] {4, 4},
                        2,
                        new byte[8],
                        8));
    }

    @Test
    void patchWritesTheOriginalBytesAtTheirPositions() {
        ComplementaryChunk c = new ComplementaryChunk(
                ID,
                0,
                0,
                0,
                100,
                20,
                new byte[32],
                0,
                new long[] {102, 110},
                new int[] {2, 3},
                2,
                new byte[] {1, 2, 3, 4, 5},
                5);
        byte[] range = new byte[20];
        byte[] saved = c.saveOverwritten(range, 0);
        c.patch(range, 0);
        assertArrayEquals(new byte[] {0, 0, 1, 2, 0, 0, 0, 0, 0, 0, 3, 4, 5, 0, 0, 0, 0, 0, 0, 0}, range);
        c.unpatch(range, 0, saved);
        assertArrayEquals(new byte[20], range);
    }
}

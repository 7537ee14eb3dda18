package org.splitcast.separation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.splitcast.separation.complementary.ComplementaryChunk;
import org.splitcast.separation.complementary.ComplementaryException;
import org.splitcast.separation.complementary.ComplementaryInfo;
import org.splitcast.separation.complementary.ComplementarySink;
import org.splitcast.separation.complementary.ComplementaryTrailer;
import org.splitcast.separation.testing.Media;

/**
 * Live delivery: each chunk, encoded on its own as the server would send it, applied by itself
 * to the main-stream range it names, gives the original bytes of that range; applied to anything
 * else, or tampered, it is refused and the range is left as it was.
 */
class LiveChunkTest {

    /** Collects the chunk records a live server would encrypt and multicast. */
    static final class Recorder implements ComplementarySink {
        final List<byte[]> records = new ArrayList<>();
        ComplementaryInfo header;

        @Override
        public void begin(ComplementaryInfo h) {}

        @Override
        public void chunk(ComplementaryChunk chunk) {
            records.add(chunk.encode());
        }

        @Override
        public void end(ComplementaryInfo completed, ComplementaryTrailer trailer) {
            header = completed;
        }
    }

    private record Live(byte[] original, byte[] main, Recorder chunks) {}

    private static Live separate(byte[] secret) throws Exception {
        byte[] original = Files.readAllBytes(Media.clip(Media.Clip.H264_AAC));
        ByteArrayOutputStream main = new ByteArrayOutputStream();
        Recorder recorder = new Recorder();
        new StreamSeparator(SeparationOptions.builder().secret(secret).build())
                .separate(new ByteArrayInputStream(original), main, recorder);
        return new Live(original, main.toByteArray(), recorder);
    }

    @Test
    void eachChunkAppliedOnItsOwnRestoresItsRange() throws Exception {
        Live live = separate(RoundTripTest.SECRET);
        List<byte[]> records = new ArrayList<>(live.chunks().records);
        assertTrue(records.size() >= 3, "a 5-second clip makes three 2-second chunks");
        Collections.shuffle(records, new Random(1));
        byte[] terminal = live.main().clone();
        for (byte[] record : records) {
            ComplementaryChunk chunk = ComplementaryChunk.decode(record);
            StreamRebuilder.apply(chunk, terminal, (int) chunk.mainOffset());
            assertArrayEquals(
                    Arrays.copyOfRange(live.original(), (int) chunk.mainOffset(), (int) chunk.mainEnd()),
                    Arrays.copyOfRange(terminal, (int) chunk.mainOffset(), (int) chunk.mainEnd()));
        }
        assertArrayEquals(live.original(), terminal);
    }

    @Test
    void chunksLeaveWhileTheStreamIsStillArriving() throws Exception {
        byte[] original = Files.readAllBytes(Media.clip(Media.Clip.H264_AAC));
        long[] read = new long[1];
        java.io.InputStream trickle = new java.io.InputStream() { // like a socket: little at a time
                    @Override
                    public int read() {
                        throw new UnsupportedOperationException();
                    }

                    @Override
                    public int read(byte[] b, int off, int len) {
                        int n = (int) Math.min(Math.min(len, 7 * 188 + 50), original.length - read[0]);
                        if (n <= 0) {
                            return -1;
                        }
                        System.arraycopy(original, (int) read[0], b, off, n);
                        read[0] += n;
                        return n;
                    }

                    @Override
                    public int available() {
                        return 0;
                    }
                };
        List<long[]> emitted = new ArrayList<>(); // {chunk end, input bytes read when it was emitted}
        new StreamSeparator(
                        SeparationOptions.builder().secret(RoundTripTest.SECRET).build())
                .separate(trickle, java.io.OutputStream.nullOutputStream(), new ComplementarySink() {
                    @Override
                    public void begin(ComplementaryInfo header) {}

                    @Override
                    public void chunk(ComplementaryChunk chunk) {
                        emitted.add(new long[] {chunk.mainEnd(), read[0]});
                    }

                    @Override
                    public void end(ComplementaryInfo header, ComplementaryTrailer trailer) {}
                });
        assertTrue(emitted.size() >= 3);
        for (long[] e : emitted.subList(0, emitted.size() - 1)) {
            assertTrue(e[1] - e[0] <= 4 * 1366, "chunk ending at " + e[0] + " left after " + e[1] + " bytes were read");
        }
    }

    @Test
    void chunksFollowStreamTime() throws Exception {
        Live live = separate(RoundTripTest.SECRET);
        long expectedStart = 0;
        long expectedOffset = 0;
        List<byte[]> records = live.chunks().records;
        for (int i = 0; i < records.size(); i++) {
            ComplementaryChunk c = ComplementaryChunk.decode(records.get(i));
            assertEquals(i, c.index());
            assertEquals(expectedOffset, c.mainOffset(), "chunks tile the main stream");
            assertEquals(expectedStart, c.startTime90k(), "chunks follow each other in time");
            if (i > 0) {
                long grid = 180_000L * i;
                assertTrue(
                        c.startTime90k() >= grid && c.startTime90k() < grid + 9_000,
                        "chunk " + i + " starts at " + c.startTime90k() + ", on the 2-second grid");
            }
            expectedStart = c.startTime90k() + c.duration90k();
            expectedOffset = c.mainEnd();
        }
        assertEquals(live.main().length, expectedOffset);
    }

    @Test
    void chunkAppliedToAnotherRangeIsRefusedAndLeavesItAlone() throws Exception {
        Live live = separate(RoundTripTest.SECRET);
        ComplementaryChunk second =
                ComplementaryChunk.decode(live.chunks().records.get(1));
        byte[] terminal = live.main().clone();
        ComplementaryException e =
                assertThrows(ComplementaryException.class, () -> StreamRebuilder.apply(second, terminal, 188 * 10));
        assertEquals(ComplementaryException.Kind.WRONG_MAIN_STREAM, e.kind());
        assertArrayEquals(live.main(), terminal);
    }

    @Test
    void chunkOfAnotherSeparationOfTheSameContentIsRefused() throws Exception {
        Live a = separate(RoundTripTest.SECRET);
        byte[] otherSecret = RoundTripTest.SECRET.clone();
        otherSecret[0] ^= 1;
        Live b = separate(otherSecret);
        ComplementaryChunk foreign =
                ComplementaryChunk.decode(b.chunks().records.get(0));
        byte[] terminal = a.main().clone();
        ComplementaryException e =
                assertThrows(ComplementaryException.class, () -> StreamRebuilder.apply(foreign, terminal, 0));
        assertEquals(ComplementaryException.Kind.WRONG_MAIN_STREAM, e.kind());
        assertArrayEquals(a.main(), terminal);
    }

    @Test
    void chunkTamperedEvenWithARecomputedChecksumIsCaught() throws Exception {
        Live live = separate(RoundTripTest.SECRET);
        byte[] record = live.chunks().records.get(0).clone();
        record[record.length - 10] ^= 0x01; // one extracted byte
        CRC32C crc = new CRC32C();
        crc.update(record, 0, record.length - 4);
        int v = (int) crc.getValue();
        record[record.length - 4] = (byte) (v >> 24);
        record[record.length - 3] = (byte) (v >> 16);
        record[record.length - 2] = (byte) (v >> 8);
        record[record.length - 1] = (byte) v;
        ComplementaryChunk forged = ComplementaryChunk.decode(record);
        byte[] terminal = live.main().clone();
        ComplementaryException e =
                assertThrows(ComplementaryException.class, () -> StreamRebuilder.apply(forged, terminal, 0));
        assertEquals(ComplementaryException.Kind.INCONSISTENT, e.kind());
        assertArrayEquals(live.main(), terminal, "a refused chunk leaves the range as it was");
    }

    @Test
    void chunkRangeOfAFileRebuildsTheOriginalBytesOfThatRange() throws Exception {
        Path original = Media.clip(Media.Clip.H264_AAC);
        Path dir = RoundTripTest.work("live");
        Path main = dir.resolve("main.ts");
        Path comp = dir.resolve("main.scci");
        new StreamSeparator(
                        SeparationOptions.builder().secret(RoundTripTest.SECRET).build())
                .separate(original, main, comp);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RebuildReport r = new StreamRebuilder().rebuildChunks(main, comp, 1, 2, out);
        assertEquals(2, r.chunks());
        long start = -1;
        long end = -1;
        try (var in = Files.newInputStream(comp)) {
            var reader = new org.splitcast.separation.complementary.ComplementaryReader(in);
            ComplementaryChunk c;
            while ((c = reader.nextChunk()) != null) {
                if (c.index() == 1) {
                    start = c.mainOffset();
                }
                if (c.index() == 2) {
                    end = c.mainEnd();
                }
            }
        }
        byte[] all = Files.readAllBytes(original);
        assertArrayEquals(Arrays.copyOfRange(all, (int) start, (int) end), out.toByteArray());
    }
}

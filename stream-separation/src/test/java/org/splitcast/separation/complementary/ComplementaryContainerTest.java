package org.splitcast.separation.complementary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComplementaryContainerTest {

    @TempDir
    Path dir;

    private static List<ComplementaryChunk> chunks(int n) {
        Random rng = new Random(9);
        List<ComplementaryChunk> out = new ArrayList<>();
        long offset = 0;
        for (int i = 0; i < n; i++) {
            int length = 188 * (100 + rng.nextInt(100));
            out.add(ComplementaryChunkTest.randomChunk(rng, i, offset, length, 8));
            offset += length;
        }
        return out;
    }

    private static void write(ComplementarySink sink, List<ComplementaryChunk> chunks) throws Exception {
        ComplementaryInfo header = new ComplementaryInfo(188, ComplementaryChunkTest.ID, 180_000);
        sink.begin(header);
        MainFingerprint fp = new MainFingerprint();
        long extracted = 0;
        for (ComplementaryChunk c : chunks) {
            sink.chunk(c);
            fp.add(c.mainOffset(), c.mainLength(), c.mainDigest());
            extracted += c.extractedBytes();
        }
        long length = fp.mainLength();
        long count = fp.chunkCount();
        byte[] f = fp.finish();
        sink.end(
                header.withFingerprint(length, f),
                new ComplementaryTrailer(ComplementaryChunkTest.ID, count, length, f, extracted, List.of()));
    }

    private static byte[] container(int chunks) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(ComplementaryWriter.toStream(out), chunks(chunks));
        return out.toByteArray();
    }

    private static int readAll(byte[] container) throws Exception {
        ComplementaryReader r = new ComplementaryReader(new ByteArrayInputStream(container));
        int n = 0;
        while (r.nextChunk() != null) {
            n++;
        }
        assertNotNull(r.trailer());
        return n;
    }

    @Test
    void containerWrittenToAFileCarriesTheFingerprintInItsHeader() throws Exception {
        Path file = dir.resolve("c.scci");
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            write(ComplementaryWriter.toChannel(ch), chunks(5));
        }
        ComplementaryReader r = new ComplementaryReader(new ByteArrayInputStream(Files.readAllBytes(file)));
        assertTrue(r.header().hasFingerprint());
        while (r.nextChunk() != null) {
            // read all
        }
        assertArrayEquals(r.trailer().fingerprint(), r.header().fingerprint());
        assertEquals(r.trailer().mainLength(), r.header().mainLength());
    }

    @Test
    void containerWrittenToAStreamCarriesTheFingerprintInItsTrailerOnly() throws Exception {
        ComplementaryReader r = new ComplementaryReader(new ByteArrayInputStream(container(4)));
        assertFalse(r.header().hasFingerprint());
        int n = 0;
        while (r.nextChunk() != null) {
            n++;
        }
        assertEquals(4, n);
        assertEquals(4, r.trailer().chunkCount());
        assertNull(r.nextChunk());
    }

    @Test
    void everyTruncationIsReportedAsTruncated() throws Exception {
        byte[] c = container(3);
        for (int n = 0; n < c.length; n++) {
            byte[] cut = Arrays.copyOf(c, n);
            ComplementaryException e = assertThrows(ComplementaryException.class, () -> readAll(cut), "length " + n);
            assertEquals(ComplementaryException.Kind.TRUNCATED, e.kind(), "length " + n + ": " + e.getMessage());
        }
    }

    @Test
    void everyAlteredByteIsRejected() throws Exception {
        byte[] c = container(2);
        for (int i = 0; i < c.length; i++) {
            byte[] bad = c.clone();
            bad[i] ^= 0x04;
            assertThrows(ComplementaryException.class, () -> readAll(bad), "byte " + i);
        }
    }

    @Test
    void dataAfterTheTrailerIsRejected() throws Exception {
        byte[] c = container(1);
        byte[] longer = Arrays.copyOf(c, c.length + 1);
        ComplementaryException e = assertThrows(ComplementaryException.class, () -> readAll(longer));
        assertEquals(ComplementaryException.Kind.CORRUPT, e.kind());
    }

    @Test
    void otherFilesAreNotComplementaryInformation() {
        byte[] ts = new byte[376];
        ts[0] = 0x47;
        ComplementaryException e = assertThrows(ComplementaryException.class, () -> readAll(ts));
        assertEquals(ComplementaryException.Kind.NOT_COMPLEMENTARY, e.kind());
    }

    @Test
    void laterMajorVersionIsRefused() throws Exception {
        byte[] c = container(1);
        c[8] = 2;
        ComplementaryException e = assertThrows(ComplementaryException.class, () -> readAll(c));
        assertEquals(ComplementaryException.Kind.UNSUPPORTED_VERSION, e.kind());
        assertTrue(e.getMessage().contains("2.0"), e.getMessage());
    }

    @Test
    void chunksOutOfOrderAreRejected() throws Exception {
        List<ComplementaryChunk> list = new ArrayList<>(chunks(3));
        java.util.Collections.swap(list, 1, 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ComplementaryWriter w = ComplementaryWriter.toStream(out);
        w.begin(new ComplementaryInfo(188, ComplementaryChunkTest.ID, 180_000));
        for (ComplementaryChunk c : list) {
            w.chunk(c);
        }
        ComplementaryException e = assertThrows(ComplementaryException.class, () -> readAll(out.toByteArray()));
        assertTrue(e.getMessage().contains("out of sequence"), e.getMessage());
    }
}

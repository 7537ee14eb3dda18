package org.splitcast.protection.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.protection.envelope.CompressionPolicy;
import org.splitcast.protection.envelope.Envelope;
import org.splitcast.protection.envelope.EnvelopeContext;
import org.splitcast.protection.envelope.EnvelopeException;
import org.splitcast.protection.envelope.EnvelopeOpener;
import org.splitcast.protection.envelope.EnvelopeSealer;
import org.splitcast.protection.envelope.EnvelopeType;
import org.splitcast.protection.testing.Clips;
import org.splitcast.protection.testing.ProtectedContent;
import org.splitcast.separation.StreamRebuilder;
import org.splitcast.separation.complementary.ComplementaryChunk;
import org.splitcast.separation.complementary.ComplementaryInfo;
import org.splitcast.separation.complementary.ComplementaryReader;

/** The protected store written from a real separation, served, verified, damaged and re-sealed. */
class ProtectedStoreTest {

    private static final CryptoProvider CRYPTO = CryptoProvider.getDefault();

    @TempDir
    static Path shared;

    static ProtectedContent content;

    @TempDir
    Path dir;

    @BeforeAll
    static void ingest() throws Exception {
        Path clip = Clips.clip(Clips.Codec.H264_AAC, 12, 640, 360);
        content = ProtectedContent.ingest(
                clip, shared.resolve("ingest"), "big-buck-bunny", "kc-1", CRYPTO.randomBytes(32));
    }

    /** Opens every envelope of a store and lays the plain container out again: header, chunks, trailer. */
    static byte[] unseal(Path storePath, byte[] kc) throws Exception {
        ByteArrayOutputStream container = new ByteArrayOutputStream();
        try (ProtectedStore store = ProtectedStore.open(storePath);
                EnvelopeOpener opener =
                        new EnvelopeOpener(EnvelopeContext.onDemand(store.contentId(), store.keyId()), kc, CRYPTO)) {
            container.write(opener.open(store.readHeaderEnvelope(), EnvelopeType.HEADER, 0));
            for (long i = 0; i < store.chunkCount(); i++) {
                container.write(opener.open(store.readChunkEnvelope(i), EnvelopeType.CHUNK, i));
            }
            container.write(opener.open(store.readTrailerEnvelope(), EnvelopeType.TRAILER, store.chunkCount()));
        }
        return container.toByteArray();
    }

    static byte[] rebuildSha256(Path main, byte[] container) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (InputStream mainIn = Files.newInputStream(main)) {
            new StreamRebuilder()
                    .rebuild(
                            mainIn,
                            new ByteArrayInputStream(container),
                            new java.security.DigestOutputStream(java.io.OutputStream.nullOutputStream(), sha));
        }
        return sha.digest();
    }

    @Test
    void theStoreHoldsTheSeparationsComplementaryInformationSealed() throws Exception {
        byte[] container = unseal(content.store(), content.kc());
        assertArrayEquals(content.originalSha256(), rebuildSha256(content.main(), container));

        byte[] plain = Files.readAllBytes(content.plainContainer());
        int header = ComplementaryInfo.HEADER_BYTES;
        assertArrayEquals(
                Arrays.copyOfRange(plain, header, plain.length),
                Arrays.copyOfRange(container, header, container.length),
                "the same chunk and trailer records as the plain container");
        ComplementaryInfo sealedHeader = ComplementaryInfo.decode(Arrays.copyOf(container, header));
        assertTrue(sealedHeader.hasFingerprint(), "the sealed header is the final one");
        assertEquals(Files.size(content.main()), sealedHeader.mainLength());

        try (ProtectedStore store = ProtectedStore.open(content.store())) {
            assertEquals("big-buck-bunny", store.contentId());
            assertEquals("kc-1", store.keyId());
            assertEquals(EnvelopeContext.ON_DEMAND, store.label());
            assertEquals(content.report().chunks(), store.chunkCount());
            assertEquals(Files.size(content.main()), store.mainLength());
            assertEquals(plain.length, store.plaintextBytes());
            store.verify();
        }
    }

    @Test
    void noComplementaryByteIsStoredInClear() throws Exception {
        byte[] stored = Files.readAllBytes(content.store());
        byte[] plain = Files.readAllBytes(content.plainContainer());
        ComplementaryInfo header = ComplementaryInfo.decode(Arrays.copyOf(plain, ComplementaryInfo.HEADER_BYTES));
        assertFalse(contains(stored, header.separationId()), "separation id in clear");
        try (InputStream in = Files.newInputStream(content.plainContainer())) {
            ComplementaryReader reader = new ComplementaryReader(in);
            ComplementaryChunk chunk;
            int checked = 0;
            while ((chunk = reader.nextChunk()) != null) {
                assertFalse(contains(stored, chunk.mainDigest()), "digest of chunk " + chunk.index() + " in clear");
                byte[] record = chunk.encode();
                if (chunk.extractedBytes() >= 24) {
                    byte[] extracted = Arrays.copyOfRange(record, record.length - 4 - 24, record.length - 4);
                    assertFalse(contains(stored, extracted), "extracted bytes of chunk " + chunk.index() + " in clear");
                    checked++;
                }
            }
            assertTrue(checked > 0);
            assertFalse(contains(stored, reader.trailer().fingerprint()), "fingerprint in clear");
        }
    }

    @Test
    void indexEntriesTileTheMainStreamAndTheFile() throws Exception {
        try (ProtectedStore store = ProtectedStore.open(content.store())) {
            long main = 0;
            long file = store.headerLength();
            long time = 0;
            for (long i = 0; i < store.chunkCount(); i++) {
                ChunkEntry e = store.chunk(i);
                assertEquals(i, e.index());
                assertEquals(main, e.mainOffset());
                assertEquals(file, e.envelopeOffset());
                assertTrue(e.startTime90k() >= time);
                main = e.mainEnd();
                file = e.envelopeEnd();
                time = e.startTime90k();
            }
            assertEquals(store.mainLength(), main);
            assertEquals(store.envelopeBytes() - store.trailerLength(), file);
        }
    }

    @Test
    void rangesAreStreamedAsStoredAndCheckedOnTheWay() throws Exception {
        try (ProtectedStore store = ProtectedStore.open(content.store())) {
            long last = store.chunkCount() - 1;
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            assertEquals(store.chunksLength(0, last), store.transferChunks(0, last, all));
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            for (long i = 0; i <= last; i++) {
                expected.write(store.readChunkEnvelope(i).toByteArray());
            }
            assertArrayEquals(expected.toByteArray(), all.toByteArray());

            ByteArrayOutputStream middle = new ByteArrayOutputStream();
            store.transferChunks(1, 2, middle);
            ByteArrayInputStream in = new ByteArrayInputStream(middle.toByteArray());
            assertEquals(1, Envelope.read(in, "t").index());
            assertEquals(2, Envelope.read(in, "t").index());
            assertEquals(null, Envelope.read(in, "t"));

            ByteArrayOutputStream header = new ByteArrayOutputStream();
            store.transferHeader(header);
            assertEquals(store.headerLength(), header.size());
            assertEquals(
                    EnvelopeType.HEADER, Envelope.parse(header.toByteArray()).type());
            ByteArrayOutputStream trailer = new ByteArrayOutputStream();
            store.transferTrailer(trailer);
            Envelope t = Envelope.parse(trailer.toByteArray());
            assertEquals(EnvelopeType.TRAILER, t.type());
            assertEquals(store.chunkCount(), t.index());

            for (org.splitcast.protection.wire.ChunkSelection selection : List.of(
                    org.splitcast.protection.wire.ChunkSelection.HEADER,
                    org.splitcast.protection.wire.ChunkSelection.TRAILER,
                    org.splitcast.protection.wire.ChunkSelection.range(1, 1_000).clip(store.chunkCount(), 2))) {
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                assertEquals(store.length(selection), store.transfer(selection, body));
                assertEquals(store.length(selection), body.size());
            }
            assertThrows(IndexOutOfBoundsException.class, () -> store.transferChunks(0, last + 1, all));
            assertThrows(IndexOutOfBoundsException.class, () -> store.transferChunks(2, 1, all));
        }
    }

    @Test
    void aTruncatedStoreIsRefusedClearly() throws Exception {
        byte[] bytes = Files.readAllBytes(content.store());
        for (int cut : new int[] {1, 63, 64, 65, 1000, bytes.length / 2, bytes.length - 1}) {
            Path p = dir.resolve("cut-" + cut);
            Files.write(p, Arrays.copyOf(bytes, bytes.length - cut));
            ProtectedStoreException e = assertThrows(ProtectedStoreException.class, () -> ProtectedStore.open(p));
            assertTrue(
                    e.kind() == ProtectedStoreException.Kind.NOT_A_STORE
                            || e.kind() == ProtectedStoreException.Kind.TRUNCATED,
                    e.kind() + ": " + e.getMessage());
            assertTrue(
                    e.getMessage().contains("truncated") || e.getMessage().contains("not a protected"), e.getMessage());
        }
        Path empty = Files.write(dir.resolve("empty"), new byte[0]);
        assertEquals(
                ProtectedStoreException.Kind.NOT_A_STORE,
                assertThrows(ProtectedStoreException.class, () -> ProtectedStore.open(empty))
                        .kind());
        Path appended = dir.resolve("appended");
        Files.write(appended, Arrays.copyOf(bytes, bytes.length + 10));
        assertThrows(ProtectedStoreException.class, () -> ProtectedStore.open(appended));
    }

    @Test
    void damageAnywhereIsFoundWithoutAKey() throws Exception {
        byte[] bytes = Files.readAllBytes(content.store());
        long entriesOffset;
        long metadataOffset;
        ChunkEntry second;
        try (ProtectedStore store = ProtectedStore.open(content.store())) {
            second = store.chunk(1);
            metadataOffset = store.envelopeBytes();
            ByteBuffer footer = ByteBuffer.wrap(bytes, bytes.length - 64, 64);
            entriesOffset = footer.getLong(bytes.length - 64 + 32);
        }
        // a byte of chunk 1's ciphertext: serving it fails, verify() fails
        Path p1 = damaged(bytes, second.envelopeOffset() + 100);
        try (ProtectedStore store = ProtectedStore.open(p1)) {
            ProtectedStoreException e = assertThrows(
                    ProtectedStoreException.class,
                    () -> store.transferChunks(0, 2, java.io.OutputStream.nullOutputStream()));
            assertEquals(ProtectedStoreException.Kind.CORRUPT, e.kind());
            assertTrue(e.getMessage().contains("chunk 1"), e.getMessage());
            assertThrows(ProtectedStoreException.class, store::verify);
            ByteArrayOutputStream first = new ByteArrayOutputStream();
            store.transferChunks(0, 0, first);
            assertTrue(first.size() > 0, "undamaged chunks are still served");
        }
        // an index entry
        Path p2 = damaged(bytes, entriesOffset + StoreLayout.ENTRY_BYTES + 20);
        try (ProtectedStore store = ProtectedStore.open(p2)) {
            assertThrows(ProtectedStoreException.class, () -> store.chunk(1));
            store.chunk(0);
        }
        // the metadata, the footer
        for (long at : new long[] {metadataOffset + 12, bytes.length - 30}) {
            Path p = damaged(bytes, at);
            assertEquals(
                    ProtectedStoreException.Kind.CORRUPT,
                    assertThrows(ProtectedStoreException.class, () -> ProtectedStore.open(p))
                            .kind());
        }
        // the header envelope's clear type byte
        Path p3 = damaged(bytes, 5);
        try (ProtectedStore store = ProtectedStore.open(p3)) {
            assertThrows(
                    ProtectedStoreException.class, () -> store.transferHeader(java.io.OutputStream.nullOutputStream()));
        }
    }

    @Test
    void aWriterThatDoesNotFinishLeavesNothing() throws Exception {
        Path target = dir.resolve("store.scps");
        try (EnvelopeSealer sealer = sealer("kc-1", content.kc());
                ProtectedStoreWriter writer = ProtectedStoreWriter.create(target, sealer)) {
            writer.begin(80, 188, 180_000);
            byte[] record = chunkRecords().get(0);
            ComplementaryChunk c = ComplementaryChunk.decode(record);
            writer.chunk(c);
            assertThrows(IllegalArgumentException.class, () -> writer.chunk(c), "the same chunk again");
            assertThrows(
                    IllegalStateException.class,
                    () -> writer.chunk(ComplementaryChunk.decode(chunkRecords().get(1))));
            assertThrows(IllegalStateException.class, writer::commit);
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(), left.toList(), "no store and no temporary file");
        }
        assertFalse(Files.exists(target));
    }

    @Test
    void reSealingMovesTheStoreToTheNewKeyChunkByChunk() throws Exception {
        byte[] newKc = CRYPTO.randomBytes(32);
        Path target = dir.resolve("kc-2.scps");
        ProtectedStoreResealer.Report report = new ProtectedStoreResealer(CRYPTO)
                .reseal(content.store(), content.kc(), target, "kc-2", newKc, CompressionPolicy.DEFAULT);
        assertEquals("kc-1", report.oldKeyId());
        assertEquals("kc-2", report.newKeyId());
        try (ProtectedStore old = ProtectedStore.open(content.store());
                ProtectedStore fresh = ProtectedStore.open(target)) {
            assertEquals("kc-2", fresh.keyId());
            assertEquals(old.chunkCount(), fresh.chunkCount());
            assertEquals(old.mainLength(), fresh.mainLength());
            assertFalse(Arrays.equals(old.salt(), fresh.salt()), "a new sealing run");
            for (long i = 0; i < old.chunkCount(); i++) {
                ChunkEntry a = old.chunk(i);
                ChunkEntry b = fresh.chunk(i);
                assertEquals(a.mainOffset(), b.mainOffset());
                assertEquals(a.startTime90k(), b.startTime90k());
                assertNotEquals(a.envelopeCrc(), b.envelopeCrc());
            }
            fresh.verify();
            try (EnvelopeOpener withOldKey =
                    new EnvelopeOpener(EnvelopeContext.onDemand("big-buck-bunny", "kc-2"), content.kc(), CRYPTO)) {
                EnvelopeException e = assertThrows(
                        EnvelopeException.class,
                        () -> withOldKey.open(fresh.readChunkEnvelope(0), EnvelopeType.CHUNK, 0));
                assertEquals(EnvelopeException.Kind.NOT_AUTHENTIC, e.kind());
            }
        }
        assertArrayEquals(unseal(content.store(), content.kc()), unseal(target, newKc), "the same records");
        assertArrayEquals(content.originalSha256(), rebuildSha256(content.main(), unseal(target, newKc)));
    }

    @Test
    void reSealingWithTheWrongOldKeyWritesNothing() throws Exception {
        Path target = dir.resolve("kc-2.scps");
        EnvelopeException e = assertThrows(EnvelopeException.class, () -> new ProtectedStoreResealer(CRYPTO)
                .reseal(
                        content.store(),
                        CRYPTO.randomBytes(32),
                        target,
                        "kc-2",
                        CRYPTO.randomBytes(32),
                        CompressionPolicy.DEFAULT));
        assertEquals(EnvelopeException.Kind.NOT_AUTHENTIC, e.kind());
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void reSealingADamagedStoreWritesNothing() throws Exception {
        byte[] bytes = Files.readAllBytes(content.store());
        ChunkEntry second;
        try (ProtectedStore store = ProtectedStore.open(content.store())) {
            second = store.chunk(1);
        }
        Path source = damaged(bytes, second.envelopeOffset() + 50);
        Path target = dir.resolve("out.scps");
        assertThrows(ProtectedStoreException.class, () -> new ProtectedStoreResealer(CRYPTO)
                .reseal(source, content.kc(), target, "kc-2", CRYPTO.randomBytes(32), CompressionPolicy.NONE));
        assertFalse(Files.exists(target));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(source), left.toList());
        }
    }

    private Path damaged(byte[] bytes, long at) throws IOException {
        Path p = dir.resolve("damaged-" + at);
        byte[] copy = bytes.clone();
        copy[(int) at] ^= 0x40;
        return Files.write(p, copy);
    }

    private static EnvelopeSealer sealer(String keyId, byte[] kc) {
        return EnvelopeSealer.create(
                EnvelopeContext.onDemand("big-buck-bunny", keyId), kc, CompressionPolicy.DEFAULT, CRYPTO);
    }

    private static List<byte[]> chunkRecords() throws Exception {
        List<byte[]> records = new ArrayList<>();
        try (InputStream in = Files.newInputStream(content.plainContainer())) {
            ComplementaryReader reader = new ComplementaryReader(in);
            ComplementaryChunk c;
            while ((c = reader.nextChunk()) != null) {
                records.add(c.encode());
            }
        }
        return records;
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}

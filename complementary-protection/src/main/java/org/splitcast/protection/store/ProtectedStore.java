package org.splitcast.protection.store;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.CRC32C;
import org.splitcast.protection.envelope.Envelope;
import org.splitcast.protection.envelope.EnvelopeException;
import org.splitcast.protection.envelope.EnvelopeType;
import org.splitcast.protection.wire.ChunkSelection;

/**
 * A protected store file, read without any key (docs/protected-complementary-format.md §7): what
 * a server needs to answer {@code GET /api/contents/{id}/complementary}. It streams the envelopes
 * of the header, of chunks {@code first..last} or of the trailer exactly as they are stored,
 * checking each envelope's CRC32C and clear header against the index as it goes (damage at rest
 * is reported, not sent on as if it were data), and never decrypts anything.
 *
 * <p>Opening reads the footer and the metadata block only; index entries are read when needed, so
 * memory does not grow with the number of chunks. Thread-safe: positional reads only; one open
 * store may serve many requests at once.
 */
public final class ProtectedStore implements Closeable {

    private static final int COPY_BUFFER = 1 << 16;
    /** Index entries read at once while streaming a range. */
    private static final int ENTRY_BATCH = 256;

    private final Path path;
    private final FileChannel channel;
    private final StoreMetadata metadata;
    private final long entriesOffset;
    private final long chunkCount;

    private ProtectedStore(Path path, FileChannel channel, StoreMetadata metadata, long entriesOffset) {
        this.path = path;
        this.channel = channel;
        this.metadata = metadata;
        this.entriesOffset = entriesOffset;
        this.chunkCount = metadata.chunkCount();
    }

    /**
     * Opens a store and checks its footer and metadata.
     *
     * @throws ProtectedStoreException if it is not a store, of another major version, truncated or
     *     corrupt
     */
    public static ProtectedStore open(Path path) throws IOException, ProtectedStoreException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        try {
            long size = channel.size();
            if (size < StoreLayout.FOOTER_BYTES) {
                throw new ProtectedStoreException(
                        ProtectedStoreException.Kind.NOT_A_STORE,
                        path + " is not a protected complementary store (" + size + " bytes, no footer)");
            }
            byte[] footer = read(channel, size - StoreLayout.FOOTER_BYTES, StoreLayout.FOOTER_BYTES, path);
            if (!Arrays.equals(footer, 0, 8, StoreLayout.FOOTER_MAGIC, 0, 8)) {
                throw new ProtectedStoreException(
                        ProtectedStoreException.Kind.NOT_A_STORE,
                        path
                                + " is not a protected complementary store, or it is truncated (no SCPS footer at its end)");
            }
            ByteBuffer f = ByteBuffer.wrap(footer);
            if (f.getInt(60) != StoreLayout.crc(footer, 0, 60)) {
                throw corrupt(path + ": the store footer fails its checksum");
            }
            int major = footer[8] & 0xFF;
            if (major != StoreLayout.VERSION_MAJOR) {
                throw new ProtectedStoreException(
                        ProtectedStoreException.Kind.UNSUPPORTED_VERSION,
                        path + ": protected store version " + major + "." + (footer[9] & 0xFF)
                                + " is not supported (this reader reads " + StoreLayout.VERSION_MAJOR + ".x)");
            }
            long metadataOffset = f.getLong(16);
            int metadataLength = f.getInt(24);
            int entrySize = f.getInt(28);
            long entriesOffset = f.getLong(32);
            long chunkCount = f.getLong(40);
            long fileLength = f.getLong(48);
            if (fileLength != size) {
                throw new ProtectedStoreException(
                        fileLength > size
                                ? ProtectedStoreException.Kind.TRUNCATED
                                : ProtectedStoreException.Kind.CORRUPT,
                        path + " has " + size + " bytes, its footer says " + fileLength);
            }
            if (entrySize != StoreLayout.ENTRY_BYTES
                    || (f.getShort(10) & 0xFFFF) != StoreLayout.FOOTER_BYTES
                    || metadataLength < StoreLayout.METADATA_FIXED_BYTES
                    || metadataLength > StoreLayout.MAX_METADATA_BYTES
                    || metadataOffset < 0
                    || chunkCount < 0
                    || chunkCount > (size / StoreLayout.ENTRY_BYTES)
                    || entriesOffset != metadataOffset + metadataLength
                    || entriesOffset + chunkCount * StoreLayout.ENTRY_BYTES + StoreLayout.FOOTER_BYTES != size) {
                throw corrupt(path + ": the store footer's offsets and lengths are inconsistent");
            }
            StoreMetadata metadata = StoreMetadata.decode(read(channel, metadataOffset, metadataLength, path));
            if (metadata.chunkCount() != chunkCount || metadata.envelopeBytes() != metadataOffset) {
                throw corrupt(path + ": the metadata block disagrees with the footer");
            }
            return new ProtectedStore(path, channel, metadata, entriesOffset);
        } catch (IOException | ProtectedStoreException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    public Path path() {
        return path;
    }

    /** The purpose label of the envelopes' key ({@code on-demand} for stores sealed under Kc). */
    public String label() {
        return metadata.label();
    }

    public String contentId() {
        return metadata.contentId();
    }

    /** The id of the key the envelopes are sealed under: {@code Splitcast-Key-Id}. */
    public String keyId() {
        return metadata.keyId();
    }

    /** The version of the envelopes (1). */
    public int envelopeVersion() {
        return metadata.envelopeVersion();
    }

    /** The sealing run's salt (public: it is in every envelope). */
    public byte[] salt() {
        return metadata.salt().clone();
    }

    public long chunkCount() {
        return chunkCount;
    }

    /** The main stream's length in bytes. */
    public long mainLength() {
        return metadata.mainLength();
    }

    public int packetSize() {
        return metadata.packetSize();
    }

    /** The nominal chunk duration, 90 kHz ticks. */
    public long chunkDuration90k() {
        return metadata.chunkDuration90k();
    }

    /** Bytes of complementary information before sealing (header, chunk and trailer records). */
    public long plaintextBytes() {
        return metadata.plaintextBytes();
    }

    /** Bytes of all envelopes (the envelope area of the file). */
    public long envelopeBytes() {
        return metadata.envelopeBytes();
    }

    /** The size of the header envelope: the body of a {@code chunks=header} response. */
    public long headerLength() {
        return metadata.headerLength();
    }

    /** The size of the trailer envelope: the body of a {@code chunks=trailer} response. */
    public long trailerLength() {
        return metadata.trailerLength();
    }

    /** The index entry of chunk {@code index}, checked. */
    public ChunkEntry chunk(long index) throws IOException, ProtectedStoreException {
        if (index < 0 || index >= chunkCount) {
            throw new IndexOutOfBoundsException("chunk " + index + " of a store of " + chunkCount + " chunks");
        }
        byte[] bytes = read(channel, entriesOffset + index * StoreLayout.ENTRY_BYTES, StoreLayout.ENTRY_BYTES, path);
        return entry(bytes, 0, index);
    }

    private ChunkEntry entry(byte[] bytes, int at, long index) throws ProtectedStoreException {
        ByteBuffer b = ByteBuffer.wrap(bytes, at, StoreLayout.ENTRY_BYTES);
        if (b.getInt(at + 44) != StoreLayout.crc(bytes, at, 44)) {
            throw corrupt(path + ": the index entry of chunk " + index + " fails its checksum");
        }
        ChunkEntry e = new ChunkEntry(
                index, b.getLong(), b.getInt(), b.getInt(), b.getLong(), b.getInt(), b.getLong(), b.getLong());
        if (e.envelopeOffset() < metadata.headerLength()
                || e.envelopeLength() < Envelope.HEADER_BYTES + Envelope.TAG_BYTES
                || e.envelopeEnd() > metadata.trailerOffset()
                || e.mainOffset() < 0
                || e.mainLength() < 0
                || e.mainEnd() > metadata.mainLength()) {
            throw corrupt(path + ": the index entry of chunk " + index + " points outside the file or the stream");
        }
        return e;
    }

    /** The bytes a response for chunks {@code first..last} (inclusive, within the store) has. */
    public long chunksLength(long first, long last) throws IOException, ProtectedStoreException {
        checkRange(first, last);
        return chunk(last).envelopeEnd() - chunk(first).envelopeOffset();
    }

    /**
     * The size of the body that answers {@code selection} ({@code Content-Length}): a {@link
     * ChunkSelection.Range} must already be clipped to this store ({@link
     * ChunkSelection.Range#clip}).
     */
    public long length(ChunkSelection selection) throws IOException, ProtectedStoreException {
        if (selection instanceof ChunkSelection.Range range) {
            return chunksLength(range.first(), range.last());
        }
        return selection instanceof ChunkSelection.Header ? headerLength() : trailerLength();
    }

    /**
     * Streams the body that answers {@code selection} (see {@link #transferChunks} for what happens
     * on damage).
     *
     * @return the bytes written
     */
    public long transfer(ChunkSelection selection, OutputStream out) throws IOException, ProtectedStoreException {
        if (selection instanceof ChunkSelection.Range range) {
            return transferChunks(range.first(), range.last(), out);
        }
        if (selection instanceof ChunkSelection.Header) {
            transferHeader(out);
            return headerLength();
        }
        transferTrailer(out);
        return trailerLength();
    }

    /** Streams the header envelope. */
    public void transferHeader(OutputStream out) throws IOException, ProtectedStoreException {
        copy(metadata.headerOffset(), metadata.headerLength(), metadata.headerCrc(), EnvelopeType.HEADER, 0, out);
    }

    /** Streams the trailer envelope. */
    public void transferTrailer(OutputStream out) throws IOException, ProtectedStoreException {
        copy(
                metadata.trailerOffset(),
                metadata.trailerLength(),
                metadata.trailerCrc(),
                EnvelopeType.TRAILER,
                chunkCount,
                out);
    }

    /**
     * Streams the envelopes of chunks {@code first..last} (inclusive), one after the other, as
     * stored. Each envelope is checked (CRC32C, type, index, length) before its last byte is
     * written; on a failure part of the range may already be written, so a server must then abort
     * the response (close the connection) rather than end it normally.
     *
     * @return the bytes written
     */
    public long transferChunks(long first, long last, OutputStream out) throws IOException, ProtectedStoreException {
        checkRange(first, last);
        long written = 0;
        long expectedOffset = -1;
        byte[] entries = new byte[ENTRY_BATCH * StoreLayout.ENTRY_BYTES];
        for (long batch = first; batch <= last; batch += ENTRY_BATCH) {
            int n = (int) Math.min(ENTRY_BATCH, last - batch + 1);
            readFully(channel, entriesOffset + batch * StoreLayout.ENTRY_BYTES, entries, n * StoreLayout.ENTRY_BYTES);
            for (int k = 0; k < n; k++) {
                ChunkEntry e = entry(entries, k * StoreLayout.ENTRY_BYTES, batch + k);
                if (expectedOffset >= 0 && e.envelopeOffset() != expectedOffset) {
                    throw corrupt(path + ": chunk " + e.index() + "'s envelope does not follow the previous one");
                }
                copy(e.envelopeOffset(), e.envelopeLength(), e.envelopeCrc(), EnvelopeType.CHUNK, e.index(), out);
                written += e.envelopeLength();
                expectedOffset = e.envelopeEnd();
            }
        }
        return written;
    }

    /** Reads one stored envelope whole (for re-sealing and checks), verifying its CRC32C. */
    public Envelope readChunkEnvelope(long index) throws IOException, ProtectedStoreException {
        ChunkEntry e = chunk(index);
        return readEnvelope(e.envelopeOffset(), e.envelopeLength(), e.envelopeCrc(), EnvelopeType.CHUNK, index);
    }

    public Envelope readHeaderEnvelope() throws IOException, ProtectedStoreException {
        return readEnvelope(
                metadata.headerOffset(), metadata.headerLength(), metadata.headerCrc(), EnvelopeType.HEADER, 0);
    }

    public Envelope readTrailerEnvelope() throws IOException, ProtectedStoreException {
        return readEnvelope(
                metadata.trailerOffset(),
                metadata.trailerLength(),
                metadata.trailerCrc(),
                EnvelopeType.TRAILER,
                chunkCount);
    }

    /**
     * Checks the whole file without any key: every index entry and envelope checksum, that the
     * envelopes tile the envelope area in order and that the chunks tile the main stream. For
     * a health check or after a copy; serving checks each envelope it sends anyway.
     */
    public void verify() throws IOException, ProtectedStoreException {
        readHeaderEnvelope();
        long expectedOffset = metadata.headerLength();
        long expectedMain = 0;
        for (long i = 0; i < chunkCount; i++) {
            ChunkEntry e = chunk(i);
            if (e.envelopeOffset() != expectedOffset || e.mainOffset() != expectedMain) {
                throw corrupt(path + ": chunk " + i + " does not follow chunk " + (i - 1));
            }
            readEnvelope(e.envelopeOffset(), e.envelopeLength(), e.envelopeCrc(), EnvelopeType.CHUNK, i);
            expectedOffset = e.envelopeEnd();
            expectedMain = e.mainEnd();
        }
        if (expectedOffset != metadata.trailerOffset() || expectedMain != metadata.mainLength()) {
            throw corrupt(path + ": the chunks do not end where the trailer begins and the main stream ends");
        }
        readTrailerEnvelope();
    }

    private Envelope readEnvelope(long offset, int length, int crc, EnvelopeType type, long index)
            throws IOException, ProtectedStoreException {
        byte[] bytes = read(channel, offset, length, path);
        if (StoreLayout.crc(bytes, 0, length) != crc) {
            throw corrupt(path + ": the envelope of " + type.describe(index) + " fails its checksum");
        }
        try {
            Envelope envelope = Envelope.parse(bytes);
            if (envelope.type() != type || envelope.index() != index) {
                throw corrupt(
                        path + ": " + envelope.describe() + " is stored where " + type.describe(index) + " belongs");
            }
            return envelope;
        } catch (EnvelopeException e) {
            throw new ProtectedStoreException(ProtectedStoreException.Kind.CORRUPT, path + ": " + e.getMessage(), e);
        }
    }

    private void copy(long offset, int length, int expectedCrc, EnvelopeType type, long index, OutputStream out)
            throws IOException, ProtectedStoreException {
        CRC32C crc = new CRC32C();
        byte[] buffer = new byte[(int) Math.min(COPY_BUFFER, length)];
        long position = offset;
        int remaining = length;
        boolean first = true;
        while (remaining > 0) {
            int n = Math.min(buffer.length, remaining);
            readFully(channel, position, buffer, n);
            crc.update(buffer, 0, n);
            if (first) {
                checkClearHeader(buffer, n, length, type, index);
                first = false;
            }
            remaining -= n;
            position += n;
            if (remaining == 0 && (int) crc.getValue() != expectedCrc) {
                throw corrupt(path + ": the envelope of " + type.describe(index) + " fails its checksum");
            }
            out.write(buffer, 0, n);
        }
    }

    private void checkClearHeader(byte[] buffer, int n, int length, EnvelopeType type, long index)
            throws ProtectedStoreException {
        if (n < Envelope.HEADER_BYTES) {
            throw corrupt(path + ": the envelope of " + type.describe(index) + " is too short");
        }
        ByteBuffer h = ByteBuffer.wrap(buffer);
        if (!Arrays.equals(buffer, 0, 4, Envelope.MAGIC, 0, 4)
                || (buffer[5] & 0xFF) != type.code()
                || h.getLong(24) != index
                || Envelope.HEADER_BYTES + (h.getInt(36) & 0xFFFF_FFFFL) != length) {
            throw corrupt(path + ": the envelope stored for " + type.describe(index) + " does not match the index");
        }
    }

    private void checkRange(long first, long last) {
        if (first < 0 || last < first || last >= chunkCount) {
            throw new IndexOutOfBoundsException(
                    "chunks " + first + ".." + last + " of a store of " + chunkCount + " chunks");
        }
    }

    private static byte[] read(FileChannel channel, long position, int length, Path path)
            throws IOException, ProtectedStoreException {
        byte[] bytes = new byte[length];
        try {
            readFully(channel, position, bytes, length);
        } catch (ProtectedStoreException e) {
            throw new ProtectedStoreException(e.kind(), path + ": " + e.getMessage());
        }
        return bytes;
    }

    private static void readFully(FileChannel channel, long position, byte[] into, int length)
            throws IOException, ProtectedStoreException {
        ByteBuffer b = ByteBuffer.wrap(into, 0, length);
        long p = position;
        while (b.hasRemaining()) {
            int n = channel.read(b, p);
            if (n < 0) {
                throw new ProtectedStoreException(
                        ProtectedStoreException.Kind.TRUNCATED, "the file ends at byte " + p + ", inside its data");
            }
            p += n;
        }
    }

    private static ProtectedStoreException corrupt(String message) {
        return new ProtectedStoreException(ProtectedStoreException.Kind.CORRUPT, message);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    @Override
    public String toString() {
        return "ProtectedStore[" + path + ", content=" + contentId() + ", key=" + keyId() + ", chunks=" + chunkCount
                + "]";
    }
}

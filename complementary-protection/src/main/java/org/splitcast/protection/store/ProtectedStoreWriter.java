package org.splitcast.protection.store;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import org.splitcast.protection.envelope.Envelope;
import org.splitcast.protection.envelope.EnvelopeContext;
import org.splitcast.protection.envelope.EnvelopeSealer;
import org.splitcast.separation.complementary.ComplementaryChunk;
import org.splitcast.separation.complementary.ComplementaryInfo;
import org.splitcast.separation.complementary.ComplementarySink;
import org.splitcast.separation.complementary.ComplementaryTrailer;
import org.splitcast.separation.complementary.ComplementaryWriter;
import org.splitcast.separation.io.AtomicFile;

/**
 * Writes a protected store (docs/protected-complementary-format.md §7) while a separation runs:
 * pass it to {@code StreamSeparator.separate(in, main, sink)} as the {@link ComplementarySink},
 * and every record is sealed ({@link EnvelopeSealer}) the moment it arrives; nothing of the
 * complementary information is ever written in clear. Then {@link #commit()} renames the file
 * into place; {@link #close()} without a commit deletes what was written, so a failed ingest
 * leaves no file.
 *
 * <pre>{@code
 * try (EnvelopeSealer sealer = EnvelopeSealer.create(EnvelopeContext.onDemand(contentId, keyId), kc,
 *                  CompressionPolicy.DEFAULT, crypto);
 *         ProtectedStoreWriter store = ProtectedStoreWriter.create(path, sealer)) {
 *     SeparationReport report = new StreamSeparator(options).separate(upload, mainOut, store);
 *     store.commit();
 * }
 * }</pre>
 *
 * <p>Memory: one record at a time; the index goes to a side file and is appended at the end.
 * Not thread-safe (a separation calls its sink from one thread).
 */
public final class ProtectedStoreWriter implements ComplementarySink, Closeable {

    private enum State {
        NEW,
        WRITING,
        FINISHED,
        COMMITTED,
        CLOSED
    }

    private final EnvelopeSealer sealer;
    private final AtomicFile file;
    private final OutputStream data;
    private final Path entriesPath;
    private final FileChannel entries;
    private final ByteBuffer entry = ByteBuffer.allocate(StoreLayout.ENTRY_BYTES);
    private State state = State.NEW;
    private long position;
    private int headerSlot;
    private int packetSize;
    private long chunkDuration90k;
    private long nextIndex;
    private long nextMainOffset;
    private long plaintextBytes;
    private boolean failed;

    private ProtectedStoreWriter(EnvelopeSealer sealer, AtomicFile file, Path entriesPath, FileChannel entries) {
        this.sealer = sealer;
        this.file = file;
        this.data = new BufferedOutputStream(Channels.newOutputStream(file.channel()), 1 << 16);
        this.entriesPath = entriesPath;
        this.entries = entries;
    }

    /**
     * Starts a store that will be renamed to {@code target} on {@link #commit()}; its temporary
     * files are created beside it.
     *
     * @param sealer the sealing run: its context names the content and key id the store records
     */
    public static ProtectedStoreWriter create(Path target, EnvelopeSealer sealer) throws IOException {
        Objects.requireNonNull(sealer, "sealer");
        AtomicFile file = AtomicFile.create(target);
        Path entriesPath = null;
        try {
            Path dir = file.temporary().getParent();
            entriesPath = Files.createTempFile(dir, "." + target.getFileName() + ".", ".entries.part");
            FileChannel entries = FileChannel.open(entriesPath, StandardOpenOption.WRITE, StandardOpenOption.READ);
            return new ProtectedStoreWriter(sealer, file, entriesPath, entries);
        } catch (IOException | RuntimeException e) {
            AtomicFile.closeQuietly(file, e);
            if (entriesPath != null) {
                Files.deleteIfExists(entriesPath);
            }
            throw e;
        }
    }

    @Override
    public void begin(ComplementaryInfo header) throws IOException {
        begin(header.encode().length, header.packetSize(), header.chunkDuration90k());
    }

    /**
     * Starts the envelope area: reserves the header envelope's place (it is sealed at the end,
     * with the main stream's length and fingerprint).
     *
     * @param headerLength the container header's size in bytes (80 in version 1.0)
     */
    public void begin(int headerLength, int packetSize, long chunkDuration90k) throws IOException {
        expect(State.NEW, "begin");
        if (headerLength < ComplementaryInfo.HEADER_BYTES || headerLength > 4096) {
            throw new IllegalArgumentException("a container header has 80 to 4096 bytes, not " + headerLength);
        }
        headerSlot = Envelope.HEADER_BYTES + headerLength + Envelope.TAG_BYTES;
        this.packetSize = packetSize;
        this.chunkDuration90k = chunkDuration90k;
        guarded(() -> write(new byte[headerSlot]));
        state = State.WRITING;
    }

    @Override
    public void chunk(ComplementaryChunk chunk) throws IOException {
        chunk(
                chunk.index(),
                chunk.encode(),
                chunk.mainOffset(),
                chunk.mainLength(),
                chunk.startTime90k(),
                chunk.duration90k());
    }

    /**
     * Seals and appends one chunk record (as {@code ComplementaryChunk.encode()} gives it), with the
     * public facts its index entry records. Chunks come in order, 0, 1, 2..., each starting where
     * the previous one ended.
     */
    public void chunk(long index, byte[] record, long mainOffset, int mainLength, long startTime90k, long duration90k)
            throws IOException {
        expect(State.WRITING, "chunk");
        if (index != nextIndex || mainOffset != nextMainOffset || mainLength < 0) {
            failed = true;
            throw new IllegalArgumentException("chunk " + index + " at main offset " + mainOffset
                    + " is out of sequence (expected chunk " + nextIndex + " at " + nextMainOffset + ")");
        }
        guarded(() -> {
            byte[] envelope = sealer.sealChunk(index, record);
            long offset = position;
            write(envelope);
            entry.clear();
            entry.putLong(offset)
                    .putInt(envelope.length)
                    .putInt(StoreLayout.crc(envelope, 0, envelope.length))
                    .putLong(mainOffset)
                    .putInt(mainLength)
                    .putLong(startTime90k)
                    .putLong(duration90k);
            entry.putInt(StoreLayout.crc(entry.array(), 0, StoreLayout.ENTRY_BYTES - 4));
            entry.flip();
            while (entry.hasRemaining()) {
                entries.write(entry);
            }
            plaintextBytes += record.length;
        });
        nextIndex++;
        nextMainOffset = mainOffset + mainLength;
    }

    @Override
    public void end(ComplementaryInfo completedHeader, ComplementaryTrailer trailer) throws IOException {
        // The trailer's record bytes, exactly as a container carries them.
        ByteArrayOutputStream record = new ByteArrayOutputStream(256);
        ComplementaryWriter.toStream(record).end(completedHeader, trailer);
        end(completedHeader.encode(), record.toByteArray(), trailer.mainLength());
    }

    /**
     * Seals the trailer record and the final header, and writes the metadata, the index and the
     * footer. The file is complete but not yet in place: {@link #commit()} puts it there.
     *
     * @param header the final container header (with the main stream's length and fingerprint)
     * @param trailerRecord the trailer record (type byte 0x02 to CRC)
     * @param mainLength the main stream's length: where the last chunk ends
     */
    public void end(byte[] header, byte[] trailerRecord, long mainLength) throws IOException {
        expect(State.WRITING, "end");
        if (mainLength != nextMainOffset) {
            failed = true;
            throw new IllegalArgumentException(
                    "the chunks cover " + nextMainOffset + " main-stream bytes, the stream has " + mainLength);
        }
        if (Envelope.HEADER_BYTES + header.length + Envelope.TAG_BYTES != headerSlot) {
            failed = true;
            throw new IllegalArgumentException(
                    "the final header has " + header.length + " bytes, not the length announced at the start");
        }
        guarded(() -> {
            byte[] trailerEnvelope = sealer.sealTrailer(nextIndex, trailerRecord);
            long trailerOffset = position;
            write(trailerEnvelope);
            byte[] headerEnvelope = sealer.sealHeader(header);
            data.flush();
            writeAt(headerEnvelope, 0);
            long envelopeBytes = position;
            EnvelopeContext context = sealer.context();
            StoreMetadata metadata = new StoreMetadata(
                    Envelope.VERSION,
                    context.label(),
                    context.contentId(),
                    context.keyId(),
                    sealer.salt(),
                    packetSize,
                    chunkDuration90k,
                    mainLength,
                    nextIndex,
                    0,
                    headerEnvelope.length,
                    StoreLayout.crc(headerEnvelope, 0, headerEnvelope.length),
                    trailerOffset,
                    trailerEnvelope.length,
                    StoreLayout.crc(trailerEnvelope, 0, trailerEnvelope.length),
                    plaintextBytes + header.length + trailerRecord.length,
                    envelopeBytes);
            byte[] block = metadata.encode();
            long metadataOffset = position;
            write(block);
            long entriesOffset = position;
            data.flush();
            long entriesLength = entries.size();
            if (entriesLength != nextIndex * StoreLayout.ENTRY_BYTES) {
                throw new IOException(
                        "the index side file has " + entriesLength + " bytes for " + nextIndex + " chunks");
            }
            FileChannel channel = file.channel();
            long copied = 0;
            while (copied < entriesLength) {
                copied += entries.transferTo(copied, entriesLength - copied, channel);
            }
            position += entriesLength;
            ByteBuffer footer = ByteBuffer.allocate(StoreLayout.FOOTER_BYTES);
            footer.put(StoreLayout.FOOTER_MAGIC)
                    .put((byte) StoreLayout.VERSION_MAJOR)
                    .put((byte) StoreLayout.VERSION_MINOR)
                    .putShort((short) StoreLayout.FOOTER_BYTES)
                    .putInt(0)
                    .putLong(metadataOffset)
                    .putInt(block.length)
                    .putInt(StoreLayout.ENTRY_BYTES)
                    .putLong(entriesOffset)
                    .putLong(nextIndex)
                    .putLong(position + StoreLayout.FOOTER_BYTES)
                    .putInt(0);
            footer.putInt(StoreLayout.crc(footer.array(), 0, StoreLayout.FOOTER_BYTES - 4));
            footer.flip();
            while (footer.hasRemaining()) {
                channel.write(footer);
            }
            position += StoreLayout.FOOTER_BYTES;
        });
        state = State.FINISHED;
    }

    /** Flushes the file to disk and renames it to its target, replacing any earlier store there. */
    public void commit() throws IOException {
        expect(State.FINISHED, "commit");
        file.commit();
        state = State.COMMITTED;
        closeEntries();
    }

    /** The file's final path. */
    public Path target() {
        return file.target();
    }

    /** Bytes of envelopes, index and footer written so far. */
    public long bytesWritten() {
        return position;
    }

    /** Chunks sealed so far. */
    public long chunksWritten() {
        return nextIndex;
    }

    /** Without a commit: deletes everything written. Idempotent. */
    @Override
    public void close() throws IOException {
        if (state == State.CLOSED) {
            return;
        }
        State was = state;
        state = State.CLOSED;
        try {
            if (was != State.COMMITTED) {
                file.close();
            }
        } finally {
            closeEntries();
        }
    }

    private void closeEntries() throws IOException {
        try {
            entries.close();
        } finally {
            Files.deleteIfExists(entriesPath);
        }
    }

    private void expect(State wanted, String what) {
        if (failed) {
            throw new IllegalStateException("an earlier write failed: this store cannot be completed");
        }
        if (state != wanted) {
            throw new IllegalStateException(
                    what + " is not allowed now (" + state.name().toLowerCase() + ")");
        }
    }

    private interface Step {
        void run() throws IOException;
    }

    /** Runs a step; any failure leaves the writer unusable (only close() is allowed then). */
    private void guarded(Step step) throws IOException {
        boolean ok = false;
        try {
            step.run();
            ok = true;
        } finally {
            if (!ok) {
                failed = true;
            }
        }
    }

    private void write(byte[] bytes) throws IOException {
        data.write(bytes);
        position += bytes.length;
    }

    private void writeAt(byte[] bytes, long at) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        long p = at;
        while (b.hasRemaining()) {
            p += file.channel().write(b, p);
        }
    }
}

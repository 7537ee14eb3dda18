package org.splitcast.protection.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.protection.envelope.CompressionPolicy;
import org.splitcast.protection.envelope.Envelope;
import org.splitcast.protection.envelope.EnvelopeContext;
import org.splitcast.protection.envelope.EnvelopeException;
import org.splitcast.protection.envelope.EnvelopeOpener;
import org.splitcast.protection.envelope.EnvelopeSealer;
import org.splitcast.protection.envelope.EnvelopeType;
import org.splitcast.separation.complementary.ComplementaryChunk;
import org.splitcast.separation.complementary.ComplementaryException;
import org.splitcast.separation.complementary.ComplementaryInfo;

/**
 * Content-key rotation for a stored complementary information: reads a protected store sealed
 * under one key and writes a new store, under another key id and key, chunk by chunk in constant
 * memory (one envelope at a time). The new store gets its own sealing run (a fresh salt), and is
 * written under a temporary name and renamed at the end: on any failure (the old key does not
 * open the envelopes, the source is damaged) no target exists and the source is untouched.
 *
 * <p>Every opened record is also decoded and compared with the source's index, so a store whose
 * index and envelopes disagree is refused rather than carried over.
 */
public final class ProtectedStoreResealer {

    private final CryptoProvider crypto;

    public ProtectedStoreResealer(CryptoProvider crypto) {
        this.crypto = Objects.requireNonNull(crypto, "crypto");
    }

    /** What a re-sealing did. */
    public record Report(String contentId, String oldKeyId, String newKeyId, long chunks, long envelopeBytes) {}

    /**
     * Re-seals {@code source} (sealed under {@code oldKey}, the key its metadata names) into
     * {@code target} under {@code newKey}, whose id is {@code newKeyId}. Same label and content id.
     *
     * @param oldKey the 32-byte key the source is sealed under (not kept)
     * @param newKey the 32-byte key of the new store (not kept)
     * @throws EnvelopeException if an envelope does not open with {@code oldKey} (wrong key, or
     *     tampered)
     * @throws ProtectedStoreException if the source is not a usable store, or its envelopes do not
     *     hold what its index says
     */
    public Report reseal(
            Path source, byte[] oldKey, Path target, String newKeyId, byte[] newKey, CompressionPolicy compression)
            throws IOException, ProtectedStoreException, EnvelopeException {
        if (source.toAbsolutePath().normalize().equals(target.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("re-sealing needs a target other than its source: " + source);
        }
        try (ProtectedStore store = ProtectedStore.open(source)) {
            EnvelopeContext oldContext = EnvelopeContext.of(store.label(), store.contentId(), store.keyId());
            EnvelopeContext newContext = EnvelopeContext.of(store.label(), store.contentId(), newKeyId);
            try (EnvelopeOpener opener = new EnvelopeOpener(oldContext, oldKey, crypto);
                    EnvelopeSealer sealer = EnvelopeSealer.create(newContext, newKey, compression, crypto);
                    ProtectedStoreWriter writer = ProtectedStoreWriter.create(target, sealer)) {
                byte[] header = opener.open(store.readHeaderEnvelope(), EnvelopeType.HEADER, 0);
                ComplementaryInfo info = decodeHeader(header, store);
                writer.begin(header.length, info.packetSize(), info.chunkDuration90k());
                for (long i = 0; i < store.chunkCount(); i++) {
                    ChunkEntry entry = store.chunk(i);
                    Envelope envelope = store.readChunkEnvelope(i);
                    byte[] record = opener.open(envelope, EnvelopeType.CHUNK, i);
                    checkChunk(record, entry, store);
                    writer.chunk(
                            i,
                            record,
                            entry.mainOffset(),
                            entry.mainLength(),
                            entry.startTime90k(),
                            entry.duration90k());
                }
                byte[] trailer = opener.open(store.readTrailerEnvelope(), EnvelopeType.TRAILER, store.chunkCount());
                writer.end(header, trailer, store.mainLength());
                writer.commit();
                return new Report(
                        store.contentId(), store.keyId(), newKeyId, store.chunkCount(), writer.bytesWritten());
            }
        }
    }

    private static ComplementaryInfo decodeHeader(byte[] header, ProtectedStore store) throws ProtectedStoreException {
        try {
            ComplementaryInfo info = ComplementaryInfo.decode(header);
            if (info.hasFingerprint() && info.mainLength() != store.mainLength()) {
                throw mismatch(store, "its sealed header is for a main stream of " + info.mainLength() + " bytes");
            }
            return info;
        } catch (ComplementaryException e) {
            throw mismatch(store, "its sealed header is unusable: " + e.getMessage());
        }
    }

    private static void checkChunk(byte[] record, ChunkEntry entry, ProtectedStore store)
            throws ProtectedStoreException {
        ComplementaryChunk chunk;
        try {
            chunk = ComplementaryChunk.decode(record);
        } catch (ComplementaryException e) {
            throw mismatch(store, "chunk " + entry.index() + " is unusable: " + e.getMessage());
        }
        if (chunk.index() != entry.index()
                || chunk.mainOffset() != entry.mainOffset()
                || chunk.mainLength() != entry.mainLength()
                || chunk.startTime90k() != entry.startTime90k()
                || chunk.duration90k() != entry.duration90k()) {
            throw mismatch(store, "chunk " + entry.index() + " does not hold what the index says");
        }
    }

    private static ProtectedStoreException mismatch(ProtectedStore store, String message) {
        return new ProtectedStoreException(ProtectedStoreException.Kind.CORRUPT, store.path() + ": " + message);
    }
}

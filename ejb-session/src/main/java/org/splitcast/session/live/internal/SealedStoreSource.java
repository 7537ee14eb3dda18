package org.splitcast.session.live.internal;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.crypto.SecretKeys;
import org.splitcast.multicast.publish.ChunkSource;
import org.splitcast.multicast.publish.LiveChunk;
import org.splitcast.protection.envelope.EnvelopeContext;
import org.splitcast.protection.envelope.EnvelopeException;
import org.splitcast.protection.envelope.EnvelopeOpener;
import org.splitcast.protection.envelope.EnvelopeType;
import org.splitcast.protection.store.ChunkEntry;
import org.splitcast.protection.store.ProtectedStore;
import org.splitcast.protection.store.ProtectedStoreException;

/**
 * A content's stored version in the media store (its main stream and its sealed complementary
 * information) replayed as a live channel: each chunk's record is opened from its envelope under
 * the content key, one at a time, and handed to the publisher, which seals it again under the
 * group's traffic key. Stream time goes on across loops, chunk numbers keep counting (as {@code
 * StoredStreamSource} does for clear files). The content key is wiped on {@link #close}.
 */
final class SealedStoreSource implements ChunkSource {

    private final Path main;
    private final ProtectedStore store;
    private final EnvelopeOpener opener;
    private final RandomAccessFile mainFile;
    private final boolean loop;
    private final long nominalDuration90k;
    private long index;
    private long chunkSeq;
    private long passOffset90k;
    private long passEnd90k;

    /** {@code contentKey} is copied by the opener; the caller wipes its own array. */
    SealedStoreSource(Path main, Path sealed, byte[] contentKey, boolean loop, CryptoProvider crypto)
            throws IOException, ProtectedStoreException {
        this.main = main;
        this.store = ProtectedStore.open(sealed);
        this.loop = loop;
        this.nominalDuration90k = store.chunkDuration90k();
        byte[] key = contentKey.clone();
        try {
            this.opener = new EnvelopeOpener(
                    EnvelopeContext.of(store.label(), store.contentId(), store.keyId()), key, crypto);
        } finally {
            SecretKeys.wipe(key);
        }
        this.mainFile = new RandomAccessFile(main.toFile(), "r");
    }

    long chunkCount() {
        return store.chunkCount();
    }

    @Override
    public LiveChunk next() throws IOException {
        if (index >= store.chunkCount()) {
            if (!loop || store.chunkCount() == 0) {
                return null;
            }
            index = 0;
            passOffset90k = passEnd90k;
        }
        try {
            ChunkEntry entry = store.chunk(index);
            byte[] record = opener.open(store.readChunkEnvelope(index), EnvelopeType.CHUNK, index);
            byte[] mainBytes = new byte[entry.mainLength()];
            mainFile.seek(entry.mainOffset());
            mainFile.readFully(mainBytes);
            long time = passOffset90k + entry.startTime90k();
            passEnd90k = time + (entry.duration90k() == 0 ? nominalDuration90k : entry.duration90k());
            index++;
            return new LiveChunk(chunkSeq++, record, mainBytes, time);
        } catch (ProtectedStoreException | EnvelopeException e) {
            throw new IOException("chunk " + index + " of the stored version is unusable: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            opener.close();
            store.close();
        } finally {
            mainFile.close();
        }
    }

    @Override
    public String toString() {
        return "SealedStoreSource[" + main.getFileName() + ", " + (loop ? "looping" : "once") + "]";
    }
}

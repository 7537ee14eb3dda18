package org.splitcast.multicast.publish;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.splitcast.separation.complementary.ComplementaryChunk;
import org.splitcast.separation.complementary.ComplementaryException;
import org.splitcast.separation.complementary.ComplementaryReader;

/**
 * A stored separation (main stream file + complementary information file) replayed as a live
 * channel: chunk after chunk at the stream time their records carry (PCR-based, docs/complementary
 * -format.md §8), once or looping. When looping, stream time goes on from the end of the previous
 * pass, and chunk numbers keep counting.
 */
public final class StoredStreamSource implements ChunkSource {

    private final Path main;
    private final Path complementary;
    private final boolean loop;
    private RandomAccessFile mainFile;
    private ComplementaryReader reader;
    private InputStream readerInput;
    private long chunkSeq;
    private long passOffset90k;
    private long passEnd90k;
    private long nominalDuration90k;
    private boolean chunksInPass;

    public StoredStreamSource(Path main, Path complementary, boolean loop) throws IOException {
        this.main = main;
        this.complementary = complementary;
        this.loop = loop;
        this.mainFile = new RandomAccessFile(main.toFile(), "r");
        openPass();
    }

    private void openPass() throws IOException {
        if (readerInput != null) {
            readerInput.close();
        }
        readerInput = new BufferedInputStream(Files.newInputStream(complementary), 1 << 16);
        try {
            reader = new ComplementaryReader(readerInput);
        } catch (ComplementaryException e) {
            throw new IOException(complementary + ": " + e.getMessage(), e);
        }
        nominalDuration90k = reader.header().chunkDuration90k();
        chunksInPass = false;
    }

    @Override
    public LiveChunk next() throws IOException {
        ComplementaryChunk chunk;
        try {
            chunk = reader.nextChunk();
            if (chunk == null) {
                if (!loop || !chunksInPass) {
                    return null;
                }
                passOffset90k = passEnd90k;
                openPass();
                chunk = reader.nextChunk();
                if (chunk == null) {
                    return null;
                }
            }
        } catch (ComplementaryException e) {
            throw new IOException(complementary + ": " + e.getMessage(), e);
        }
        chunksInPass = true;
        byte[] mainBytes = new byte[chunk.mainLength()];
        mainFile.seek(chunk.mainOffset());
        mainFile.readFully(mainBytes);
        long time = passOffset90k + chunk.startTime90k();
        passEnd90k = time + Math.max(chunk.duration90k(), chunk.duration90k() == 0 ? nominalDuration90k : 0);
        return new LiveChunk(chunkSeq++, chunk.encode(), mainBytes, time);
    }

    @Override
    public void close() throws IOException {
        try {
            if (readerInput != null) {
                readerInput.close();
            }
        } finally {
            mainFile.close();
        }
    }

    @Override
    public String toString() {
        return "StoredStreamSource[" + main.getFileName() + ", " + (loop ? "looping" : "once") + "]";
    }
}

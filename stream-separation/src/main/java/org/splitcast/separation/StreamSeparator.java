package org.splitcast.separation;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.splitcast.separation.complementary.ComplementaryInfo;
import org.splitcast.separation.complementary.ComplementarySink;
import org.splitcast.separation.complementary.ComplementaryTrailer;
import org.splitcast.separation.complementary.ComplementaryWriter;
import org.splitcast.separation.io.AtomicFile;
import org.splitcast.separation.ts.StreamFormatException;

/**
 * The separating device of seed 000 (claims 1 and 10): turns an MPEG transport stream into a
 * main stream of the same format, length, packets, PIDs, tables and timing, made unwatchable by
 * replacing a small keyed-random share of its coded media bytes, and the complementary
 * information that holds those bytes, cut into chunks aligned on stream time.
 *
 * <p>Streaming and constant memory: the input is read once, block by block, and every block of
 * the main stream is written before the next is read; chunks reach the {@link ComplementarySink}
 * as soon as their time range is complete, which is what a live server needs. The PAT and PMTs are
 * found before the first byte is written, so most bad inputs are refused with nothing written.
 *
 * <p>An instance may be reused and shared between threads: every call runs on its own state.
 */
public final class StreamSeparator {

    private final SeparationOptions options;

    public StreamSeparator(SeparationOptions options) {
        this.options = options;
    }

    public SeparationOptions options() {
        return options;
    }

    /**
     * Separates a stream. Neither stream is closed.
     *
     * @param original the transport stream (188- or 192-byte packets)
     * @param main receives the main stream, block by block
     * @param sink receives the complementary information, chunk by chunk
     * @throws StreamFormatException the input is not a usable transport stream; part of the main
     *     stream and some chunks may already have been written
     */
    public SeparationReport separate(InputStream original, OutputStream main, ComplementarySink sink)
            throws StreamFormatException, IOException {
        return new SeparationRun(options, original, main, sink, -1).run();
    }

    /**
     * Separates a file into two files, each written under a temporary name and renamed at the
     * end: on any failure neither output exists (and an earlier file of the same name is left as
     * it was).
     */
    public SeparationReport separate(Path original, Path main, Path complementary)
            throws StreamFormatException, IOException {
        requireDistinct(original, main, complementary);
        long length = Files.size(original);
        AtomicFile mainFile = null;
        AtomicFile complementaryFile = null;
        Throwable failure = null;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(original), 1 << 16)) {
            mainFile = AtomicFile.create(main);
            complementaryFile = AtomicFile.create(complementary);
            ComplementaryWriter writer = ComplementaryWriter.toChannel(complementaryFile.channel());
            SeparationReport report = new SeparationRun(options, in, mainFile.stream(), writer, length).run();
            AtomicFile.commitAll(mainFile, complementaryFile);
            return report;
        } catch (StreamFormatException | IOException | RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            AtomicFile.closeQuietly(mainFile, failure);
            AtomicFile.closeQuietly(complementaryFile, failure);
        }
    }

    /**
     * Analyses a stream without writing anything: what a separation with these options would
     * extract, per stream, and how many chunks it would make.
     */
    public SeparationReport analyze(InputStream original) throws StreamFormatException, IOException {
        return separate(original, OutputStream.nullOutputStream(), new ComplementarySink() {
            @Override
            public void begin(ComplementaryInfo header) {}

            @Override
            public void chunk(org.splitcast.separation.complementary.ComplementaryChunk chunk) {}

            @Override
            public void end(ComplementaryInfo completedHeader, ComplementaryTrailer trailer) {}
        });
    }

    static void requireDistinct(Path... paths) throws IOException {
        for (int i = 0; i < paths.length; i++) {
            for (int j = i + 1; j < paths.length; j++) {
                Path a = paths[i].toAbsolutePath().normalize();
                Path b = paths[j].toAbsolutePath().normalize();
                if (a.equals(b) || (Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b))) {
                    throw new IllegalArgumentException("the same file is given twice: " + paths[i]);
                }
            }
        }
    }
}

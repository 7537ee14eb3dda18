package org.splitcast.separation;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.zip.CRC32C;
import org.splitcast.separation.complementary.ComplementaryChunk;
import org.splitcast.separation.complementary.ComplementaryException;
import org.splitcast.separation.complementary.ComplementaryInfo;
import org.splitcast.separation.complementary.ComplementaryReader;
import org.splitcast.separation.complementary.MainFingerprint;
import org.splitcast.separation.io.AtomicFile;

/**
 * The reconstruction device of seed 000 (claim 10): main stream + complementary information →
 * the original, byte for byte. No parsing of the transport stream at all: each chunk names a byte
 * range of the main stream, the SHA-256 those main bytes must have, the runs of original bytes to
 * put back and the CRC32C the result must have. Every range is checked before and after, and only
 * then written, so a complementary information made for another stream, or tampered, truncated or
 * applied to a damaged main stream, stops the rebuild with a {@link ComplementaryException}
 * instead of producing wrong bytes.
 *
 * <p>Whole streams ({@link #rebuild(InputStream, InputStream, OutputStream)}), files ({@link
 * #rebuild(Path, Path, Path)}), a range of chunks of a file ({@link #rebuildChunks}), or one chunk
 * applied in place to the bytes a terminal holds ({@link #apply}). Memory: one chunk's range.
 */
public final class StreamRebuilder {

    /** The largest chunk range this rebuilder accepts to buffer (the separator cuts at 16 MiB). */
    public static final int MAX_CHUNK_BYTES = 256 << 20;

    /**
     * Checks that {@code range[offset .. offset + chunk.mainLength())} holds the main-stream bytes
     * the chunk was made for, puts the original bytes back in place, and checks the result. On
     * failure the range is left as it was.
     */
    public static void apply(ComplementaryChunk chunk, byte[] range, int offset) throws ComplementaryException {
        apply(chunk, range, offset, MainFingerprint.sha256(), new CRC32C());
    }

    private static void apply(ComplementaryChunk chunk, byte[] range, int offset, MessageDigest sha, CRC32C crc)
            throws ComplementaryException {
        int length = chunk.mainLength();
        if (offset < 0 || length > range.length - offset) {
            throw new IllegalArgumentException("the range holds fewer bytes than chunk " + chunk.index() + " covers");
        }
        sha.reset();
        sha.update(range, offset, length);
        if (!MessageDigest.isEqual(sha.digest(), chunk.mainDigest())) {
            throw new ComplementaryException(
                    ComplementaryException.Kind.WRONG_MAIN_STREAM,
                    "the main stream does not match chunk " + chunk.index() + " (bytes " + chunk.mainOffset() + " to "
                            + chunk.mainEnd() + "): this complementary information belongs to another main stream, "
                            + "or the main stream is damaged");
        }
        byte[] saved = chunk.saveOverwritten(range, offset);
        chunk.patch(range, offset);
        crc.reset();
        crc.update(range, offset, length);
        if ((int) crc.getValue() != chunk.originalCrc()) {
            chunk.unpatch(range, offset, saved);
            throw new ComplementaryException(
                    ComplementaryException.Kind.INCONSISTENT,
                    "chunk " + chunk.index() + " does not restore the original it promises: it has been tampered with");
        }
    }

    /**
     * Rebuilds a whole stream. Bytes are written chunk by chunk, each only once checked; if an
     * error comes after some chunks, what was written is correct but incomplete. Nothing is
     * closed.
     */
    public RebuildReport rebuild(InputStream main, InputStream complementary, OutputStream out)
            throws ComplementaryException, IOException {
        ComplementaryReader reader = new ComplementaryReader(complementary);
        InputStream mainIn = main instanceof BufferedInputStream ? main : new BufferedInputStream(main, 1 << 16);
        MessageDigest sha = MainFingerprint.sha256();
        CRC32C crc = new CRC32C();
        byte[] buffer = new byte[1 << 20];
        long written = 0;
        long chunks = 0;
        long restored = 0;
        ComplementaryChunk chunk;
        while ((chunk = reader.nextChunk()) != null) {
            checkSize(chunk);
            // the buffer grows only as main-stream bytes arrive, never to a length the container
            // merely claims (a forged chunk of 256 MiB against a short main stream costs nothing)
            int n = 0;
            while (n < chunk.mainLength()) {
                if (n == buffer.length) {
                    buffer = Arrays.copyOf(buffer, (int) Math.min(chunk.mainLength(), 2L * buffer.length));
                }
                int want = Math.min(chunk.mainLength(), buffer.length) - n;
                int r = mainIn.readNBytes(buffer, n, want);
                n += r;
                if (r < want) {
                    break; // end of the main stream
                }
            }
            if (n < chunk.mainLength()) {
                throw new ComplementaryException(
                        ComplementaryException.Kind.MAIN_TRUNCATED,
                        "the main stream ends at byte " + (chunk.mainOffset() + n) + ", but chunk " + chunk.index()
                                + " covers bytes up to " + chunk.mainEnd());
            }
            apply(chunk, buffer, 0, sha, crc);
            out.write(buffer, 0, n);
            written += n;
            chunks++;
            restored += chunk.extractedBytes();
        }
        if (mainIn.read() >= 0) {
            throw new ComplementaryException(
                    ComplementaryException.Kind.MAIN_TOO_LONG,
                    "the main stream goes on after byte " + written
                            + ", where the complementary information ends: it belongs to another main stream");
        }
        out.flush();
        return new RebuildReport(written, chunks, restored, reader.trailer().fingerprint());
    }

    /**
     * Rebuilds a file into a file written under a temporary name and renamed at the end: on any
     * failure no output exists. When the container's header carries the main stream's length,
     * a main stream of another length is refused before anything is read.
     */
    public RebuildReport rebuild(Path main, Path complementary, Path output)
            throws ComplementaryException, IOException {
        StreamSeparator.requireDistinct(main, complementary, output);
        checkLength(main, complementary);
        AtomicFile out = null;
        Throwable failure = null;
        try (InputStream mainIn = Files.newInputStream(main);
                InputStream compIn = Files.newInputStream(complementary)) {
            out = AtomicFile.create(output);
            RebuildReport report = rebuild(mainIn, compIn, out.stream());
            out.commit();
            return report;
        } catch (ComplementaryException | IOException | RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            AtomicFile.closeQuietly(out, failure);
        }
    }

    private static void checkLength(Path main, Path complementary) throws IOException, ComplementaryException {
        try (InputStream compIn = Files.newInputStream(complementary)) {
            ComplementaryInfo header = new ComplementaryReader(compIn).header();
            long size = Files.size(main);
            if (header.hasFingerprint() && header.mainLength() != size) {
                throw new ComplementaryException(
                        ComplementaryException.Kind.WRONG_MAIN_STREAM,
                        lengthMismatch(main.toString(), size, header.mainLength()));
            }
        }
    }

    /** The message for a main stream whose length is not the one the container names. */
    public static String lengthMismatch(String main, long size, long expected) {
        return main + " has " + size + " bytes, but the complementary information is for a main stream of "
                + expected + " bytes: the main stream is " + (size < expected ? "truncated" : "too long")
                + ", or the complementary information belongs to another stream";
    }

    /**
     * Rebuilds chunks {@code first} to {@code last} (inclusive) of a file: the original bytes of
     * their ranges, one after the other, as a terminal does for the stretch it plays. The main
     * stream file is read at the chunks' offsets only.
     *
     * @return the report; its fingerprint is null (the whole stream was not checked)
     */
    public RebuildReport rebuildChunks(Path main, Path complementary, long first, long last, OutputStream out)
            throws ComplementaryException, IOException {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("invalid chunk range " + first + ".." + last);
        }
        MessageDigest sha = MainFingerprint.sha256();
        CRC32C crc = new CRC32C();
        byte[] buffer = new byte[1 << 20];
        long written = 0;
        long chunks = 0;
        long restored = 0;
        try (InputStream compIn = Files.newInputStream(complementary);
                FileChannel mainChannel = FileChannel.open(main, StandardOpenOption.READ)) {
            ComplementaryReader reader = new ComplementaryReader(compIn);
            ComplementaryChunk chunk;
            while ((chunk = reader.nextChunk()) != null && chunk.index() <= last) {
                if (chunk.index() < first) {
                    continue;
                }
                checkSize(chunk);
                if (chunk.mainEnd() > mainChannel.size()) {
                    throw new ComplementaryException(
                            ComplementaryException.Kind.MAIN_TRUNCATED,
                            "the main stream ends at byte " + mainChannel.size() + ", but chunk " + chunk.index()
                                    + " covers bytes up to " + chunk.mainEnd());
                }
                if (chunk.mainLength() > buffer.length) {
                    buffer = new byte[Math.max(chunk.mainLength(), buffer.length * 2)];
                }
                ByteBuffer view = ByteBuffer.wrap(buffer, 0, chunk.mainLength());
                long position = chunk.mainOffset();
                while (view.hasRemaining()) {
                    int n = mainChannel.read(view, position);
                    if (n < 0) {
                        throw new ComplementaryException(
                                ComplementaryException.Kind.MAIN_TRUNCATED,
                                "the main stream ends at byte " + position + ", but chunk " + chunk.index()
                                        + " covers bytes up to " + chunk.mainEnd());
                    }
                    position += n;
                }
                apply(chunk, buffer, 0, sha, crc);
                out.write(buffer, 0, chunk.mainLength());
                written += chunk.mainLength();
                chunks++;
                restored += chunk.extractedBytes();
            }
            if (chunks == 0) {
                throw new IllegalArgumentException("the complementary information has no chunk in " + first + ".."
                        + last + " (it has " + reader.mainBytesCovered() + " bytes of chunks)");
            }
        }
        out.flush();
        return new RebuildReport(written, chunks, restored, null);
    }

    private static void checkSize(ComplementaryChunk chunk) throws ComplementaryException {
        if (chunk.mainLength() > MAX_CHUNK_BYTES) {
            throw new ComplementaryException(
                    ComplementaryException.Kind.CORRUPT,
                    "chunk " + chunk.index() + " covers " + chunk.mainLength() + " bytes, more than the "
                            + MAX_CHUNK_BYTES + " this rebuilder buffers");
        }
    }
}

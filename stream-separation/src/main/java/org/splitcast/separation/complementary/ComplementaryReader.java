package org.splitcast.separation.complementary;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Reads a complementary-information container chunk by chunk, in constant memory, and checks
 * everything the container can check on its own: the header and record checksums, that every
 * chunk belongs to the same separation and follows the previous one, and at the end that the
 * trailer's chunk count, length and fingerprint agree with the chunks read (and with the header,
 * when it carries them). Whether the chunks fit a given main stream is {@code StreamRebuilder}'s
 * job.
 *
 * <p>The reader does not close the stream it reads.
 */
public final class ComplementaryReader {

    private final InputStream in;
    private final ComplementaryInfo header;
    private final MainFingerprint fingerprint = new MainFingerprint();
    private long nextIndex;
    private long nextOffset;
    private long extracted;
    private ComplementaryTrailer trailer;

    public ComplementaryReader(InputStream in) throws IOException, ComplementaryException {
        this.in = in instanceof BufferedInputStream ? in : new BufferedInputStream(in, 1 << 16);
        byte[] fixed = this.in.readNBytes(12);
        if (fixed.length == 0) {
            throw new ComplementaryException(
                    ComplementaryException.Kind.TRUNCATED, "complementary information is empty");
        }
        if (fixed.length < 12) {
            int n = Math.min(fixed.length, ComplementaryInfo.MAGIC.length);
            if (!Arrays.equals(fixed, 0, n, ComplementaryInfo.MAGIC, 0, n)) {
                throw new ComplementaryException(
                        ComplementaryException.Kind.NOT_COMPLEMENTARY,
                        "not splitcast complementary information (no SCCI magic number)");
            }
            throw Records.truncated("inside the header");
        }
        int length = ComplementaryInfo.headerLength(fixed);
        byte[] rest = this.in.readNBytes(length - 12);
        if (rest.length != length - 12) {
            throw Records.truncated("inside the header");
        }
        byte[] all = Arrays.copyOf(fixed, length);
        System.arraycopy(rest, 0, all, 12, rest.length);
        header = ComplementaryInfo.decode(all);
    }

    public ComplementaryInfo header() {
        return header;
    }

    /**
     * The next chunk, or null once the trailer has been read and checked.
     *
     * @throws ComplementaryException when the container is corrupt, truncated or inconsistent
     */
    public ComplementaryChunk nextChunk() throws IOException, ComplementaryException {
        if (trailer != null) {
            return null;
        }
        while (true) {
            String where = nextIndex == 0 ? "before the first chunk" : "after chunk " + (nextIndex - 1);
            Records.Raw raw = Records.read(in, where);
            if (raw == null) {
                throw Records.truncated("no trailer " + where);
            }
            if (raw.type() == Records.TYPE_CHUNK) {
                ComplementaryChunk chunk = ComplementaryChunk.decodeBody(raw.body());
                checkChunk(chunk);
                return chunk;
            }
            if (raw.type() == Records.TYPE_TRAILER) {
                finish(ComplementaryTrailer.decodeBody(raw.body()));
                return null;
            }
            if ((raw.type() & Records.TYPE_SKIPPABLE) == 0) {
                throw new ComplementaryException(
                        ComplementaryException.Kind.CORRUPT, "unknown record type " + raw.type() + " " + where);
            }
        }
    }

    private void checkChunk(ComplementaryChunk chunk) throws ComplementaryException {
        if (!chunk.belongsTo(header)) {
            throw new ComplementaryException(
                    ComplementaryException.Kind.CORRUPT,
                    "chunk " + chunk.index() + " belongs to separation " + chunk.separationIdHex() + ", not "
                            + header.separationIdHex());
        }
        if (chunk.index() != nextIndex || chunk.mainOffset() != nextOffset) {
            throw new ComplementaryException(
                    ComplementaryException.Kind.CORRUPT,
                    "chunk " + chunk.index() + " at main offset " + chunk.mainOffset()
                            + " is out of sequence (expected " + nextIndex + " at " + nextOffset + ")");
        }
        fingerprint.add(chunk.mainOffset(), chunk.mainLength(), chunk.mainDigestRef());
        nextIndex++;
        nextOffset = chunk.mainEnd();
        extracted += chunk.extractedBytes();
    }

    private void finish(ComplementaryTrailer t) throws IOException, ComplementaryException {
        if (!header.sameSeparation(t.separationId())) {
            throw corrupt("the trailer belongs to another separation");
        }
        if (t.chunkCount() != nextIndex) {
            throw corrupt("the trailer announces " + t.chunkCount() + " chunks, " + nextIndex + " were read");
        }
        if (t.mainLength() != nextOffset) {
            throw corrupt(
                    "the trailer announces a main stream of " + t.mainLength() + " bytes, chunks cover " + nextOffset);
        }
        if (t.extractedBytes() != extracted) {
            throw corrupt(
                    "the trailer announces " + t.extractedBytes() + " extracted bytes, chunks carry " + extracted);
        }
        byte[] computed = fingerprint.finish();
        if (!MessageDigest.isEqual(computed, t.fingerprint())) {
            throw corrupt("the trailer's fingerprint does not match the chunks");
        }
        if (header.hasFingerprint()
                && (header.mainLength() != nextOffset || !MessageDigest.isEqual(computed, header.fingerprint()))) {
            throw corrupt("the header's fingerprint does not match the chunks");
        }
        if (in.read() >= 0) {
            throw corrupt("data follows the trailer");
        }
        trailer = t;
    }

    private static ComplementaryException corrupt(String message) {
        return new ComplementaryException(ComplementaryException.Kind.CORRUPT, message);
    }

    /** The trailer, once {@link #nextChunk()} has returned null; null before. */
    public ComplementaryTrailer trailer() {
        return trailer;
    }

    /** Main-stream bytes covered by the chunks read so far. */
    public long mainBytesCovered() {
        return nextOffset;
    }
}

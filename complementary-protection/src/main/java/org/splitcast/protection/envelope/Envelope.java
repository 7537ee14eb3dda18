package org.splitcast.protection.envelope;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * One sealed envelope as bytes, with its clear header parsed and checked but nothing decrypted
 * (docs/protected-complementary-format.md §2): what a server stores and sends without any key, and
 * what a terminal parses before it opens it with {@link EnvelopeOpener}.
 *
 * <pre>
 * offset size  field
 *  0     4     magic "SCPE"
 *  4     u8    version (1)
 *  5     u8    type (EnvelopeType)
 *  6     u8    compression (Compression)
 *  7     u8    reserved, 0
 *  8     16    seal salt
 * 24     u64   index
 * 32     u32   plaintext length
 * 36     u32   sealed length (compressed payload + 16-byte tag)
 * 40     ...   AES-256-GCM ciphertext, then the tag
 * </pre>
 *
 * <p>Immutable: the bytes are copied in and out.
 */
public final class Envelope {

    /** "SCPE": splitcast complementary, protected envelope. */
    public static final byte[] MAGIC = {'S', 'C', 'P', 'E'};

    public static final int VERSION = 1;
    public static final int HEADER_BYTES = 40;
    public static final int SALT_BYTES = 16;
    public static final int TAG_BYTES = 16;
    /**
     * Largest plaintext: a container record's body may reach 64 MiB (docs/complementary-format.md
     * §4), plus its framing; a header at most 4 KiB.
     */
    public static final int MAX_PLAINTEXT_BYTES = (64 << 20) + 1024;
    /** Largest envelope: the payload is never larger than the plaintext. */
    public static final int MAX_ENVELOPE_BYTES = HEADER_BYTES + MAX_PLAINTEXT_BYTES + TAG_BYTES;

    private final byte[] bytes;
    private final EnvelopeType type;
    private final Compression compression;
    private final long index;
    private final int plaintextLength;

    private Envelope(byte[] bytes, EnvelopeType type, Compression compression, long index, int plaintextLength) {
        this.bytes = bytes;
        this.type = type;
        this.compression = compression;
        this.index = index;
        this.plaintextLength = plaintextLength;
    }

    /** Parses a whole envelope, which must be exactly {@code bytes}. */
    public static Envelope parse(byte[] bytes) throws EnvelopeException {
        if (bytes.length < HEADER_BYTES) {
            throw new EnvelopeException(
                    EnvelopeException.Kind.TRUNCATED,
                    "envelope of " + bytes.length + " bytes: shorter than its header");
        }
        int sealed = checkHeader(bytes, "envelope");
        if (bytes.length != HEADER_BYTES + sealed) {
            throw new EnvelopeException(
                    bytes.length < HEADER_BYTES + sealed
                            ? EnvelopeException.Kind.TRUNCATED
                            : EnvelopeException.Kind.MALFORMED,
                    "envelope of " + bytes.length + " bytes, its header announces " + (HEADER_BYTES + sealed));
        }
        return of(bytes.clone());
    }

    /**
     * Reads the next envelope from a stream of envelopes (a store's envelope area, an HTTP body).
     *
     * @param where what the stream is, for messages ("the response for chunks 0..15")
     * @return the envelope, or null at the end of input before its first byte
     */
    public static Envelope read(InputStream in, String where) throws IOException, EnvelopeException {
        byte[] header = in.readNBytes(HEADER_BYTES);
        if (header.length == 0) {
            return null;
        }
        if (header.length < HEADER_BYTES) {
            if (!Arrays.equals(header, 0, Math.min(4, header.length), MAGIC, 0, Math.min(4, header.length))) {
                throw notAnEnvelope(where);
            }
            throw new EnvelopeException(EnvelopeException.Kind.TRUNCATED, where + " ends inside an envelope's header");
        }
        int sealed = checkHeader(header, where);
        byte[] all = Arrays.copyOf(header, HEADER_BYTES + sealed);
        int n = in.readNBytes(all, HEADER_BYTES, sealed);
        if (n < sealed) {
            throw new EnvelopeException(
                    EnvelopeException.Kind.TRUNCATED,
                    where + " ends inside " + describeHeader(header) + " (" + n + " of " + sealed + " sealed bytes)");
        }
        return of(all);
    }

    private static Envelope of(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        return new Envelope(
                bytes,
                EnvelopeType.ofCode(bytes[5] & 0xFF),
                Compression.ofCode(bytes[6] & 0xFF),
                b.getLong(24),
                b.getInt(32));
    }

    private static EnvelopeException notAnEnvelope(String where) {
        return new EnvelopeException(
                EnvelopeException.Kind.MALFORMED, where + " is not a protected complementary envelope (no SCPE magic)");
    }

    /**
     * Checks the 40-byte clear header.
     *
     * @return the sealed length
     */
    static int checkHeader(byte[] h, String where) throws EnvelopeException {
        if (!Arrays.equals(h, 0, 4, MAGIC, 0, 4)) {
            throw notAnEnvelope(where);
        }
        ByteBuffer b = ByteBuffer.wrap(h);
        int version = h[4] & 0xFF;
        if (version != VERSION) {
            throw new EnvelopeException(
                    EnvelopeException.Kind.UNSUPPORTED,
                    where + ": envelope version " + version + " is not supported (this reader reads version " + VERSION
                            + ")");
        }
        EnvelopeType type = EnvelopeType.ofCode(h[5] & 0xFF);
        if (type == null) {
            throw malformed(where + ": envelope type " + (h[5] & 0xFF) + " is unknown");
        }
        int compression = h[6] & 0xFF;
        if (Compression.ofCode(compression) == null) {
            throw new EnvelopeException(
                    EnvelopeException.Kind.UNSUPPORTED,
                    where + ": compression " + compression
                            + (compression == Compression.RESERVED_ZSTD ? " (zstd)" : "")
                            + " is not supported by this reader");
        }
        if (h[7] != 0) {
            throw malformed(where + ": reserved byte of an envelope is " + (h[7] & 0xFF));
        }
        long index = b.getLong(24);
        if (index < 0) {
            throw malformed(where + ": envelope index out of range");
        }
        if (type == EnvelopeType.HEADER && index != 0) {
            throw malformed(where + ": a header envelope has index " + index);
        }
        long plaintext = b.getInt(32) & 0xFFFF_FFFFL;
        long sealed = b.getInt(36) & 0xFFFF_FFFFL;
        if (plaintext > MAX_PLAINTEXT_BYTES) {
            throw malformed(where + ": " + type.describe(index) + " announces " + plaintext + " bytes, more than the "
                    + MAX_PLAINTEXT_BYTES + " allowed");
        }
        if (sealed < TAG_BYTES || sealed > plaintext + TAG_BYTES) {
            throw malformed(where + ": " + type.describe(index) + " announces " + sealed + " sealed bytes for "
                    + plaintext + " bytes of plaintext");
        }
        if (compression == Compression.NONE.code() && sealed != plaintext + TAG_BYTES) {
            throw malformed(where + ": uncompressed " + type.describe(index) + " announces " + sealed
                    + " sealed bytes for " + plaintext + " bytes of plaintext");
        }
        return (int) sealed;
    }

    private static EnvelopeException malformed(String message) {
        return new EnvelopeException(EnvelopeException.Kind.MALFORMED, message);
    }

    private static String describeHeader(byte[] h) {
        EnvelopeType type = EnvelopeType.ofCode(h[5] & 0xFF);
        return type == null ? "an envelope" : type.describe(ByteBuffer.wrap(h).getLong(24));
    }

    public EnvelopeType type() {
        return type;
    }

    public Compression compression() {
        return compression;
    }

    /** Chunk index; 0 for the header; the chunk count for the trailer. */
    public long index() {
        return index;
    }

    /** The seal salt: which sealing run (and so which derived key) made this envelope. */
    public byte[] salt() {
        return Arrays.copyOfRange(bytes, 8, 8 + SALT_BYTES);
    }

    public int plaintextLength() {
        return plaintextLength;
    }

    /** Bytes after the header: compressed payload + tag. */
    public int sealedLength() {
        return bytes.length - HEADER_BYTES;
    }

    /** The whole envelope's size in bytes. */
    public int length() {
        return bytes.length;
    }

    /** A copy of the whole envelope. */
    public byte[] toByteArray() {
        return bytes.clone();
    }

    byte[] bytesRef() {
        return bytes;
    }

    /** "chunk 12", "the header", "the trailer". */
    public String describe() {
        return type.describe(index);
    }

    @Override
    public String toString() {
        return "Envelope[" + describe() + ", " + compression.label() + ", " + plaintextLength + " -> " + sealedLength()
                + " bytes]";
    }
}

package org.splitcast.separation.complementary;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.zip.CRC32C;

/**
 * The header of a complementary-information container (docs/complementary-format.md §2): format
 * version, the separation it belongs to, the main stream's length and fingerprint, the packet
 * size and the chunk duration. 80 bytes in version 1.0, protected by a CRC32C.
 *
 * <p>When the container is written to a stream that cannot be rewound, the main stream's length
 * and fingerprint are not known yet when the header goes out: {@link #hasFingerprint()} is then
 * false and only the trailer carries them.
 */
public final class ComplementaryInfo {

    /** "SCCI" (splitcast complementary information), then CR LF SUB LF as in PNG. */
    public static final byte[] MAGIC = {'S', 'C', 'C', 'I', '\r', '\n', 0x1A, '\n'};

    public static final int VERSION_MAJOR = 1;
    public static final int VERSION_MINOR = 0;
    /** Size of a version 1.0 header. Later 1.x headers may be longer; readers skip the rest. */
    public static final int HEADER_BYTES = 80;
    /** Bytes that identify a separation; every chunk repeats them. */
    public static final int SEPARATION_ID_BYTES = 16;

    static final int FLAG_FINGERPRINT = 0x0001;
    private static final int MAX_HEADER_BYTES = 4096;

    private final int versionMajor;
    private final int versionMinor;
    private final int packetSize;
    private final byte[] separationId;
    private final long chunkDuration90k;
    private final long mainLength;
    private final byte[] fingerprint;

    /** A header whose main-stream length and fingerprint are not known yet. */
    public ComplementaryInfo(int packetSize, byte[] separationId, long chunkDuration90k) {
        this(VERSION_MAJOR, VERSION_MINOR, packetSize, separationId, chunkDuration90k, -1, null);
    }

    private ComplementaryInfo(
            int versionMajor,
            int versionMinor,
            int packetSize,
            byte[] separationId,
            long chunkDuration90k,
            long mainLength,
            byte[] fingerprint) {
        if (separationId.length != SEPARATION_ID_BYTES) {
            throw new IllegalArgumentException("separation id must have " + SEPARATION_ID_BYTES + " bytes");
        }
        if (chunkDuration90k < 0 || chunkDuration90k > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("chunk duration out of range: " + chunkDuration90k);
        }
        this.versionMajor = versionMajor;
        this.versionMinor = versionMinor;
        this.packetSize = packetSize;
        this.separationId = separationId.clone();
        this.chunkDuration90k = chunkDuration90k;
        this.mainLength = mainLength;
        this.fingerprint = fingerprint == null ? null : fingerprint.clone();
    }

    /** The same header, completed with the main stream's length and fingerprint. */
    public ComplementaryInfo withFingerprint(long mainLength, byte[] fingerprint) {
        if (fingerprint.length != MainFingerprint.BYTES) {
            throw new IllegalArgumentException("fingerprint must have " + MainFingerprint.BYTES + " bytes");
        }
        return new ComplementaryInfo(
                versionMajor, versionMinor, packetSize, separationId, chunkDuration90k, mainLength, fingerprint);
    }

    public byte[] encode() {
        ByteSink out = new ByteSink(HEADER_BYTES);
        out.write(MAGIC);
        out.write(VERSION_MAJOR);
        out.write(VERSION_MINOR);
        out.write(HEADER_BYTES >>> 8);
        out.write(HEADER_BYTES & 0xFF);
        int flags = hasFingerprint() ? FLAG_FINGERPRINT : 0;
        out.write(flags >>> 8);
        out.write(flags & 0xFF);
        out.write(packetSize >>> 8);
        out.write(packetSize & 0xFF);
        out.write(separationId);
        out.writeLong(hasFingerprint() ? mainLength : 0);
        out.write(hasFingerprint() ? fingerprint : new byte[MainFingerprint.BYTES]);
        out.writeInt((int) chunkDuration90k);
        CRC32C crc = new CRC32C();
        crc.update(out.array(), 0, out.size());
        out.writeInt((int) crc.getValue());
        return out.toByteArray();
    }

    /**
     * Reads the fixed part that says how long the header is. {@code first} holds at least 12
     * bytes.
     *
     * @return the header's total length in bytes
     */
    public static int headerLength(byte[] first) throws ComplementaryException {
        if (first.length < 12 || !Arrays.equals(first, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new ComplementaryException(
                    ComplementaryException.Kind.NOT_COMPLEMENTARY,
                    "not splitcast complementary information (no SCCI magic number)");
        }
        int major = first[8] & 0xFF;
        int minor = first[9] & 0xFF;
        if (major != VERSION_MAJOR) {
            throw new ComplementaryException(
                    ComplementaryException.Kind.UNSUPPORTED_VERSION,
                    "complementary format version " + major + "." + minor + " is not supported (this reader reads "
                            + VERSION_MAJOR + ".x)");
        }
        int length = ((first[10] & 0xFF) << 8) | (first[11] & 0xFF);
        if (length < HEADER_BYTES || length > MAX_HEADER_BYTES) {
            throw new ComplementaryException(
                    ComplementaryException.Kind.CORRUPT, "complementary header length " + length + " is invalid");
        }
        return length;
    }

    /** Decodes a whole header ({@link #headerLength} bytes) and checks its CRC. */
    public static ComplementaryInfo decode(byte[] header) throws ComplementaryException {
        int length = headerLength(header);
        if (header.length != length) {
            throw new ComplementaryException(ComplementaryException.Kind.TRUNCATED, "complementary header truncated");
        }
        CRC32C crc = new CRC32C();
        crc.update(header, 0, length - 4);
        ByteBuffer in = ByteBuffer.wrap(header);
        if (in.getInt(length - 4) != (int) crc.getValue()) {
            throw new ComplementaryException(
                    ComplementaryException.Kind.CORRUPT,
                    "complementary header checksum mismatch (corrupt or tampered)");
        }
        in.position(8);
        int major = in.get() & 0xFF;
        int minor = in.get() & 0xFF;
        in.getShort();
        int flags = in.getShort() & 0xFFFF;
        int packetSize = in.getShort() & 0xFFFF;
        if (packetSize != 188 && packetSize != 192) {
            throw new ComplementaryException(
                    ComplementaryException.Kind.CORRUPT, "complementary header: packet size " + packetSize);
        }
        byte[] id = new byte[SEPARATION_ID_BYTES];
        in.get(id);
        long mainLength = in.getLong();
        byte[] fp = new byte[MainFingerprint.BYTES];
        in.get(fp);
        long duration = in.getInt() & 0xFFFF_FFFFL;
        boolean has = (flags & FLAG_FINGERPRINT) != 0;
        if (has && mainLength < 0) {
            throw new ComplementaryException(ComplementaryException.Kind.CORRUPT, "complementary header: main length");
        }
        return new ComplementaryInfo(major, minor, packetSize, id, duration, has ? mainLength : -1, has ? fp : null);
    }

    public int versionMajor() {
        return versionMajor;
    }

    public int versionMinor() {
        return versionMinor;
    }

    /** 188 (MPEG-TS) or 192 (M2TS). */
    public int packetSize() {
        return packetSize;
    }

    public byte[] separationId() {
        return separationId.clone();
    }

    public String separationIdHex() {
        return HexFormat.of().formatHex(separationId);
    }

    /** Nominal chunk duration in 90 kHz ticks. */
    public long chunkDuration90k() {
        return chunkDuration90k;
    }

    /** Whether the header carries the main stream's length and fingerprint. */
    public boolean hasFingerprint() {
        return fingerprint != null;
    }

    /** The main stream's length in bytes, or -1 when the header does not carry it. */
    public long mainLength() {
        return mainLength;
    }

    /** The main stream's fingerprint ({@link MainFingerprint}), or null. */
    public byte[] fingerprint() {
        return fingerprint == null ? null : fingerprint.clone();
    }

    boolean sameSeparation(byte[] id) {
        return Arrays.equals(separationId, id);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ComplementaryInfo other && Arrays.equals(encode(), other.encode());
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(separationId), mainLength);
    }

    @Override
    public String toString() {
        return "ComplementaryInfo[v" + versionMajor + "." + versionMinor + ", id=" + separationIdHex() + ", packet="
                + packetSize + ", mainLength=" + mainLength + "]";
    }
}

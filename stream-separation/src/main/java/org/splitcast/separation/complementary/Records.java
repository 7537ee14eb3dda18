package org.splitcast.separation.complementary;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The record framing of the container (docs/complementary-format.md §3): a type byte, the body
 * length as a varint, the body, and a CRC32C (big-endian) over all that precedes it.
 */
final class Records {

    static final int TYPE_CHUNK = 0x01;
    static final int TYPE_TRAILER = 0x02;
    /** Types with this bit set are extensions that a reader may skip. */
    static final int TYPE_SKIPPABLE = 0x80;
    /** No record body may be larger (a 16 MiB chunk at 100 % extraction still fits). */
    static final int MAX_BODY = 64 << 20;

    private Records() {}

    static byte[] frame(int type, ByteSink body) {
        ByteSink out = new ByteSink(body.size() + 16);
        out.write(type);
        Varint.write(out, body.size());
        out.write(body.array(), 0, body.size());
        CRC32C crc = new CRC32C();
        crc.update(out.array(), 0, out.size());
        out.writeInt((int) crc.getValue());
        return out.toByteArray();
    }

    static void write(OutputStream out, byte[] record) throws IOException {
        out.write(record);
    }

    /** A record read from a container, its CRC already checked. */
    record Raw(int type, byte[] body) {}

    /**
     * Reads the next record.
     *
     * @param what a description of where we are, for messages ("after chunk 12")
     * @return the record, or null at a clean end of input (no byte of a new record)
     */
    static Raw read(InputStream in, String what) throws IOException, ComplementaryException {
        int type = in.read();
        if (type < 0) {
            return null;
        }
        ByteSink framing = new ByteSink(12);
        framing.write(type);
        long length = 0;
        for (int i = 0; ; i++) {
            int b = in.read();
            if (b < 0) {
                throw truncated(what);
            }
            framing.write(b);
            length |= (long) (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                if (b == 0 && i > 0) {
                    throw new ComplementaryException(
                            ComplementaryException.Kind.CORRUPT, "record " + what + ": non-canonical length");
                }
                break;
            }
            if (i >= 4) {
                throw new ComplementaryException(
                        ComplementaryException.Kind.CORRUPT, "record " + what + ": length field too long");
            }
        }
        if (length > MAX_BODY) {
            throw new ComplementaryException(
                    ComplementaryException.Kind.CORRUPT,
                    "record " + what + ": body of " + length + " bytes is too large");
        }
        byte[] body = in.readNBytes((int) length);
        byte[] crcBytes = in.readNBytes(4);
        if (body.length != length || crcBytes.length != 4) {
            throw truncated(what);
        }
        CRC32C crc = new CRC32C();
        crc.update(framing.array(), 0, framing.size());
        crc.update(body);
        if (ByteBuffer.wrap(crcBytes).getInt() != (int) crc.getValue()) {
            throw new ComplementaryException(
                    ComplementaryException.Kind.CORRUPT,
                    "record " + what + " fails its checksum: the complementary information is corrupt or tampered");
        }
        return new Raw(type, body);
    }

    /** Parses one whole record held in memory (a chunk received on its own). */
    static Raw parse(byte[] record) throws ComplementaryException {
        try {
            Raw raw = read(new java.io.ByteArrayInputStream(record), "received");
            if (raw == null) {
                throw truncated("received");
            }
            int consumed = 1 + Varint.size(raw.body().length) + raw.body().length + 4;
            if (consumed != record.length) {
                throw new ComplementaryException(
                        ComplementaryException.Kind.CORRUPT,
                        "record has " + (record.length - consumed) + " extra bytes");
            }
            return raw;
        } catch (IOException e) {
            throw new IllegalStateException("in-memory read failed", e);
        }
    }

    static ComplementaryException truncated(String what) {
        return new ComplementaryException(
                ComplementaryException.Kind.TRUNCATED, "complementary information is truncated (" + what + ")");
    }
}

package org.splitcast.separation.complementary;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The last record of a container (docs/complementary-format.md §5): how many chunks came, the
 * main stream's length and fingerprint, and what was extracted from each elementary stream.
 */
public final class ComplementaryTrailer {

    /** What the separation did with one elementary stream. */
    public record StreamEntry(
            int programNumber, int pid, int streamType, boolean isProtected, long esBytes, long extractedBytes) {}

    private final byte[] separationId;
    private final long chunkCount;
    private final long mainLength;
    private final byte[] fingerprint;
    private final long extractedBytes;
    private final List<StreamEntry> streams;

    public ComplementaryTrailer(
            byte[] separationId,
            long chunkCount,
            long mainLength,
            byte[] fingerprint,
            long extractedBytes,
            List<StreamEntry> streams) {
        if (fingerprint.length != MainFingerprint.BYTES) {
            throw new IllegalArgumentException("fingerprint size");
        }
        this.separationId = separationId.clone();
        this.chunkCount = chunkCount;
        this.mainLength = mainLength;
        this.fingerprint = fingerprint.clone();
        this.extractedBytes = extractedBytes;
        this.streams = List.copyOf(streams);
    }

    byte[] encode() {
        ByteSink body = new ByteSink(128 + streams.size() * 16);
        body.write(separationId);
        Varint.write(body, chunkCount);
        Varint.write(body, mainLength);
        body.write(fingerprint);
        Varint.write(body, extractedBytes);
        Varint.write(body, streams.size());
        for (StreamEntry s : streams) {
            Varint.write(body, s.programNumber());
            Varint.write(body, s.pid());
            body.write(s.streamType());
            body.write(s.isProtected() ? 1 : 0);
            Varint.write(body, s.esBytes());
            Varint.write(body, s.extractedBytes());
        }
        return Records.frame(Records.TYPE_TRAILER, body);
    }

    static ComplementaryTrailer decodeBody(byte[] bytes) throws ComplementaryException {
        ByteBuffer body = ByteBuffer.wrap(bytes);
        if (body.remaining() < ComplementaryInfo.SEPARATION_ID_BYTES) {
            throw corrupt("trailer too short");
        }
        byte[] id = new byte[ComplementaryInfo.SEPARATION_ID_BYTES];
        body.get(id);
        long chunks = Varint.read(body, "chunk count");
        long mainLength = Varint.read(body, "main length");
        if (body.remaining() < MainFingerprint.BYTES) {
            throw corrupt("trailer ends inside the fingerprint");
        }
        byte[] fp = new byte[MainFingerprint.BYTES];
        body.get(fp);
        long extracted = Varint.read(body, "extracted bytes");
        int count = Varint.readInt(body, "stream count", 0, 8192);
        List<StreamEntry> streams = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int program = Varint.readInt(body, "program number", 0, 0xFFFF);
            int pid = Varint.readInt(body, "PID", 0, 0x1FFF);
            if (body.remaining() < 2) {
                throw corrupt("trailer ends inside stream " + i);
            }
            int type = body.get() & 0xFF;
            int flag = body.get() & 0xFF;
            if (flag > 1) {
                throw corrupt("trailer: stream " + i + " has flag " + flag);
            }
            long es = Varint.read(body, "ES bytes");
            long ex = Varint.read(body, "extracted bytes");
            streams.add(new StreamEntry(program, pid, type, flag == 1, es, ex));
        }
        if (body.hasRemaining()) {
            throw corrupt("trailer has " + body.remaining() + " unexpected bytes");
        }
        return new ComplementaryTrailer(id, chunks, mainLength, fp, extracted, streams);
    }

    private static ComplementaryException corrupt(String message) {
        return new ComplementaryException(ComplementaryException.Kind.CORRUPT, message);
    }

    public byte[] separationId() {
        return separationId.clone();
    }

    public long chunkCount() {
        return chunkCount;
    }

    public long mainLength() {
        return mainLength;
    }

    public byte[] fingerprint() {
        return fingerprint.clone();
    }

    /** Total original bytes carried by all chunks. */
    public long extractedBytes() {
        return extractedBytes;
    }

    public List<StreamEntry> streams() {
        return streams;
    }
}

package org.splitcast.multicast.relay;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.splitcast.multicast.wire.MalformedMessageException;
import org.splitcast.multicast.wire.WireReader;
import org.splitcast.multicast.wire.WireWriter;

/**
 * One frame of a group's live flow (docs/live.md §3.4), as the publisher sends it to an edge node
 * over JGroups and the edge node relays it to its terminals over HTTP, unchanged:
 *
 * <pre>
 * u8 type || str groupId || u64 seq || body
 *   KEY (1):       body = a signed key message
 *   CHUNK (2):     body = u64 chunkSeq || u64 tekPeriod || sealed chunk
 *   HEARTBEAT (3): body empty, seq = the newest frame the edge holds (edge to terminal only)
 *   GAP (4):       body empty, seq = the oldest frame still available (edge to terminal only)
 * </pre>
 *
 * {@code seq} numbers every KEY and CHUNK frame of a group from 1, without holes: a receiver that
 * sees a jump has lost frames. The edge holds no key: it sees only sealed chunks and key messages.
 *
 * <p>Immutable value; the payload is not copied. A decoded frame keeps the bytes it was decoded
 * from (a JGroups message's own array at the edge) and writes them on unchanged with {@link
 * #writeTo}: an edge relays a frame without copying or re-encoding it (docs/live.md §9).
 */
public final class LiveFrame {

    /** Largest frame accepted (a chunk of 16 MiB of main stream carries well under 1 MiB). */
    public static final int MAX_FRAME = 16 << 20;

    /** Frame types. */
    public enum Type {
        KEY(1),
        CHUNK(2),
        HEARTBEAT(3),
        GAP(4);

        final int code;

        Type(int code) {
            this.code = code;
        }
    }

    private final Type type;
    private final String groupId;
    private final long seq;
    private final long chunkSeq;
    private final long tekPeriod;
    /** The payload is buf[payloadOffset, payloadOffset + payloadLength). */
    private final byte[] buf;

    private final int payloadOffset;
    private final int payloadLength;
    /** The encoded frame, when this frame was decoded from it: buf[encodedOffset, payload end). */
    private final int encodedOffset;

    public LiveFrame(Type type, String groupId, long seq, long chunkSeq, long tekPeriod, byte[] payload) {
        this(
                type,
                groupId,
                seq,
                chunkSeq,
                tekPeriod,
                Objects.requireNonNull(payload, "payload"),
                0,
                payload.length,
                -1);
    }

    private LiveFrame(
            Type type,
            String groupId,
            long seq,
            long chunkSeq,
            long tekPeriod,
            byte[] buf,
            int payloadOffset,
            int payloadLength,
            int encodedOffset) {
        this.type = Objects.requireNonNull(type, "type");
        this.groupId = Objects.requireNonNull(groupId, "groupId");
        this.seq = seq;
        this.chunkSeq = chunkSeq;
        this.tekPeriod = tekPeriod;
        this.buf = buf;
        this.payloadOffset = payloadOffset;
        this.payloadLength = payloadLength;
        this.encodedOffset = encodedOffset;
    }

    public static LiveFrame key(String groupId, long seq, byte[] keyMessage) {
        return new LiveFrame(Type.KEY, groupId, seq, 0, 0, keyMessage);
    }

    public static LiveFrame chunk(String groupId, long seq, long chunkSeq, long tekPeriod, byte[] sealed) {
        return new LiveFrame(Type.CHUNK, groupId, seq, chunkSeq, tekPeriod, sealed);
    }

    public static LiveFrame control(Type type, String groupId, long seq) {
        return new LiveFrame(type, groupId, seq, 0, 0, new byte[0]);
    }

    public Type type() {
        return type;
    }

    public String groupId() {
        return groupId;
    }

    public long seq() {
        return seq;
    }

    public long chunkSeq() {
        return chunkSeq;
    }

    public long tekPeriod() {
        return tekPeriod;
    }

    /**
     * The body (a key message, or a sealed chunk): the array given to the constructor, or a copy
     * of the decoded range (the terminal asks once per frame; the edge never does).
     */
    public byte[] payload() {
        if (payloadOffset == 0 && payloadLength == buf.length) {
            return buf;
        }
        return Arrays.copyOfRange(buf, payloadOffset, payloadOffset + payloadLength);
    }

    /** The body's length in bytes. */
    public int payloadLength() {
        return payloadLength;
    }

    /** The length of {@link #encode()}. */
    public int encodedLength() {
        if (encodedOffset >= 0) {
            return payloadOffset + payloadLength - encodedOffset;
        }
        return headerLength() + payloadLength;
    }

    private int headerLength() {
        return 1 + 2 + groupId.getBytes(StandardCharsets.UTF_8).length + 8 + (type == Type.CHUNK ? 16 : 0);
    }

    public byte[] encode() {
        byte[] out = new byte[encodedLength()];
        encodeInto(out, 0);
        return out;
    }

    /** Writes {@link #encode()} into {@code out} at {@code offset}; returns the offset after it. */
    public int encodeInto(byte[] out, int offset) {
        if (encodedOffset >= 0) {
            int n = encodedLength();
            System.arraycopy(buf, encodedOffset, out, offset, n);
            return offset + n;
        }
        WireWriter w = new WireWriter(headerLength());
        w.u8(type.code).string(groupId).u64(seq);
        if (type == Type.CHUNK) {
            w.u64(chunkSeq).u64(tekPeriod);
        }
        int h = w.size();
        System.arraycopy(w.toByteArray(), 0, out, offset, h);
        System.arraycopy(buf, payloadOffset, out, offset + h, payloadLength);
        return offset + h + payloadLength;
    }

    /**
     * Writes {@link #encode()} to {@code out}; a decoded frame writes the bytes it came from,
     * without building a new array.
     */
    public void writeTo(OutputStream out) throws IOException {
        if (encodedOffset >= 0) {
            out.write(buf, encodedOffset, encodedLength());
        } else {
            out.write(encode());
        }
    }

    /**
     * Decodes a frame without copying its body: the frame keeps a reference to {@code bytes},
     * which the caller must not change afterwards.
     *
     * @throws MalformedMessageException if the bytes are not a frame
     */
    public static LiveFrame decode(byte[] bytes, int offset, int length) throws MalformedMessageException {
        if (length > MAX_FRAME) {
            throw new MalformedMessageException("frame of " + length + " bytes exceeds " + MAX_FRAME);
        }
        WireReader r = new WireReader(bytes, offset, length);
        int code = r.u8("frame type");
        Type type =
                switch (code) {
                    case 1 -> Type.KEY;
                    case 2 -> Type.CHUNK;
                    case 3 -> Type.HEARTBEAT;
                    case 4 -> Type.GAP;
                    default -> throw new MalformedMessageException("unknown frame type " + code);
                };
        String groupId = r.string("group id");
        long seq = r.u64("frame seq");
        long chunkSeq = 0;
        long period = 0;
        if (type == Type.CHUNK) {
            chunkSeq = r.u64("chunk seq");
            period = r.u64("TEK period");
        }
        int bodyOffset = r.position();
        int bodyLength = r.remaining();
        if ((type == Type.HEARTBEAT || type == Type.GAP) && bodyLength != 0) {
            throw new MalformedMessageException("a " + type + " frame has no body");
        }
        return new LiveFrame(type, groupId, seq, chunkSeq, period, bytes, bodyOffset, bodyLength, offset);
    }

    public static LiveFrame decode(byte[] bytes) throws MalformedMessageException {
        return decode(bytes, 0, bytes.length);
    }

    @Override
    public String toString() {
        return type + " " + groupId + " #" + seq + (type == Type.CHUNK ? " chunk " + chunkSeq : "") + " ("
                + payloadLength + " bytes)";
    }
}

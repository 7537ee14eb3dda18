package org.splitcast.multicast.relay;

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
 */
public record LiveFrame(Type type, String groupId, long seq, long chunkSeq, long tekPeriod, byte[] payload) {

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

    public LiveFrame {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(payload, "payload");
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

    public byte[] encode() {
        WireWriter w = new WireWriter(payload.length + 48);
        w.u8(type.code).string(groupId).u64(seq);
        if (type == Type.CHUNK) {
            w.u64(chunkSeq).u64(tekPeriod);
        }
        return w.bytes(payload).toByteArray();
    }

    /**
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
        byte[] payload = r.rest();
        if ((type == Type.HEARTBEAT || type == Type.GAP) && payload.length != 0) {
            throw new MalformedMessageException("a " + type + " frame has no body");
        }
        return new LiveFrame(type, groupId, seq, chunkSeq, period, payload);
    }

    public static LiveFrame decode(byte[] bytes) throws MalformedMessageException {
        return decode(bytes, 0, bytes.length);
    }

    @Override
    public String toString() {
        return type + " " + groupId + " #" + seq + (type == Type.CHUNK ? " chunk " + chunkSeq : "") + " ("
                + payload.length + " bytes)";
    }
}

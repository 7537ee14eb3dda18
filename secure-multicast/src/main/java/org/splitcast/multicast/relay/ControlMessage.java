package org.splitcast.multicast.relay;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.splitcast.multicast.wire.MalformedMessageException;
import org.splitcast.multicast.wire.WireReader;
import org.splitcast.multicast.wire.WireWriter;

/**
 * Messages between edge nodes and publishers inside the JGroups cluster (docs/live.md §3.5). The
 * cluster itself is authenticated and encrypted (jgroups-config); these carry no secret.
 *
 * <pre>
 * "SCCM" || u8 type
 *   SUBSCRIPTIONS (1, edge to all, multicast): u32 n || n × (str groupId || u64 fromSeq)
 *       the complete set of groups the edge wants now; fromSeq &gt; 0 asks a publisher to replay
 *       the group's frames from that seq when the subscription is new to it (0: live only)
 *   HELLO (2, publisher to all, multicast): empty; edges answer with their SUBSCRIPTIONS
 *   FRAME (3, publisher to one edge, unicast): a {@link LiveFrame}
 * </pre>
 */
public final class ControlMessage {

    static final byte[] MAGIC = "SCCM".getBytes(StandardCharsets.US_ASCII);
    public static final int SUBSCRIPTIONS = 1;
    public static final int HELLO = 2;
    public static final int FRAME = 3;
    /** Bounds a malformed subscription count. */
    static final int MAX_GROUPS = 100_000;

    private ControlMessage() {}

    public static byte[] subscriptions(Map<String, Long> groups) {
        WireWriter w = new WireWriter(16 + groups.size() * 24);
        w.bytes(MAGIC).u8(SUBSCRIPTIONS).u32(groups.size());
        groups.forEach((g, from) -> w.string(g).u64(from));
        return w.toByteArray();
    }

    public static byte[] hello() {
        return new WireWriter(8).bytes(MAGIC).u8(HELLO).toByteArray();
    }

    /** A FRAME message: built once per frame, whatever the number of edges it goes to. */
    public static byte[] frame(LiveFrame frame) {
        byte[] out = new byte[MAGIC.length + 1 + frame.encodedLength()];
        System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
        out[MAGIC.length] = FRAME;
        frame.encodeInto(out, MAGIC.length + 1);
        return out;
    }

    /** The type of a control message, after checking the magic. */
    public static int type(byte[] bytes, int offset, int length) throws MalformedMessageException {
        WireReader r = new WireReader(bytes, offset, length);
        if (!Arrays.equals(r.bytes(4, "magic"), MAGIC)) {
            throw new MalformedMessageException("not a splitcast control message");
        }
        return r.u8("type");
    }

    public static Map<String, Long> readSubscriptions(byte[] bytes, int offset, int length)
            throws MalformedMessageException {
        WireReader r = new WireReader(bytes, offset + 5, length - 5);
        long n = r.u32("group count");
        if (n > MAX_GROUPS) {
            throw new MalformedMessageException("too many groups: " + n);
        }
        Map<String, Long> groups = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            groups.put(r.string("group id"), r.u64("from seq"));
        }
        r.expectEnd("the subscriptions");
        return groups;
    }

    /** The frame of a FRAME message; it keeps a reference to {@code bytes} (no copy). */
    public static LiveFrame readFrame(byte[] bytes, int offset, int length) throws MalformedMessageException {
        return LiveFrame.decode(bytes, offset + 5, length - 5);
    }
}

package org.splitcast.separation.ts;

/**
 * The two packet layouts: plain MPEG-TS (188 bytes) and M2TS / Blu-ray BDAV (a 4-byte arrival
 * timestamp, then the 188-byte packet). The 4-byte prefix is never touched.
 */
public enum PacketFormat {
    TS(188, 0),
    M2TS(192, 4);

    public static final int TS_PACKET = 188;
    public static final int SYNC = 0x47;
    /** Packets checked for a sync byte before a layout is believed. */
    private static final int CONFIRM = 8;

    private final int size;
    private final int syncOffset;

    PacketFormat(int size, int syncOffset) {
        this.size = size;
        this.syncOffset = syncOffset;
    }

    public int size() {
        return size;
    }

    /** Offset of the 0x47 sync byte inside a packet. */
    public int syncOffset() {
        return syncOffset;
    }

    public static PacketFormat of(int size) {
        for (PacketFormat f : values()) {
            if (f.size == size) {
                return f;
            }
        }
        throw new IllegalArgumentException("no packet format of " + size + " bytes");
    }

    /**
     * Recognises the layout from the first bytes of the input.
     *
     * @param len bytes available in {@code b} (the whole input when it is shorter than a block)
     */
    public static PacketFormat detect(byte[] b, int len) throws StreamFormatException {
        if (len == 0) {
            throw new StreamFormatException(StreamFormatException.Problem.EMPTY, "the input is empty");
        }
        PacketFormat best = null;
        for (PacketFormat f : values()) {
            int packets = Math.min(len / f.size, CONFIRM);
            if (packets == 0) {
                continue;
            }
            boolean all = true;
            for (int i = 0; i < packets && all; i++) {
                all = (b[i * f.size + f.syncOffset] & 0xFF) == SYNC;
            }
            if (all) {
                best = best == null ? f : best;
            }
        }
        if (best != null) {
            return best;
        }
        if (len < TS_PACKET && ((b[0] & 0xFF) == SYNC || (len > 4 && (b[4] & 0xFF) == SYNC))) {
            throw new StreamFormatException(
                    StreamFormatException.Problem.TRUNCATED_PACKET,
                    "the input has only " + len + " bytes: less than one " + TS_PACKET + "-byte packet");
        }
        throw new StreamFormatException(
                StreamFormatException.Problem.NOT_TRANSPORT_STREAM,
                "not an MPEG transport stream: no 0x47 sync byte every 188 (or 192) bytes at the start of the input");
    }
}

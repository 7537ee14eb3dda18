package org.splitcast.separation.ts;

/**
 * Follows the PES packets of one PID: reads each PES header (which may span transport packets
 * when adaptation fields leave little room), hands the payload to the elementary-stream consumer
 * and keeps everything else (headers, bytes beyond PES_packet_length) away from it.
 */
final class PesReader {

    private static final int IDLE = 0;
    private static final int HEADER = 1;
    private static final int PAYLOAD = 2;
    private static final int SKIP = 3;

    private final ElementaryStreamConsumer consumer;
    private final byte[] hdr = new byte[9 + 255];
    private int state = IDLE;
    private int hdrLen;
    private int hdrNeed;
    private long remaining;
    private long invalid;
    private long scrambled;

    PesReader(ElementaryStreamConsumer consumer) {
        this.consumer = consumer;
    }

    void discontinuity() {
        state = IDLE;
        consumer.discontinuity();
    }

    void packet(byte[] b, int off, int n, long streamOffset, boolean pusi) {
        int i = off;
        int end = off + n;
        if (pusi) {
            if (state == PAYLOAD && remaining > 0) {
                consumer.discontinuity(); // the previous, bounded PES was cut short
            }
            state = HEADER;
            hdrLen = 0;
            hdrNeed = 9;
        }
        while (state == HEADER && i < end) {
            int take = Math.min(hdrNeed - hdrLen, end - i);
            System.arraycopy(b, i, hdr, hdrLen, take);
            hdrLen += take;
            i += take;
            if (hdrLen < hdrNeed) {
                return;
            }
            if (hdrNeed == 9) {
                if (hdr[0] != 0 || hdr[1] != 0 || hdr[2] != 1) {
                    skip(true);
                    return;
                }
                if (!hasOptionalHeader(hdr[3] & 0xFF)) {
                    skip(false);
                    return;
                }
                if ((hdr[6] & 0xC0) != 0x80) {
                    skip(true);
                    return;
                }
                hdrNeed = 9 + (hdr[8] & 0xFF);
                if (hdrNeed > 9) {
                    continue;
                }
            }
            int pesLength = ((hdr[4] & 0xFF) << 8) | (hdr[5] & 0xFF);
            if ((hdr[6] & 0x30) != 0) {
                scrambled++;
                state = SKIP;
                consumer.discontinuity();
                return;
            }
            remaining = pesLength == 0 ? -1 : pesLength - 3 - (hdr[8] & 0xFF);
            if (pesLength != 0 && remaining < 0) {
                skip(true);
                return;
            }
            state = PAYLOAD;
            consumer.pesStart((hdr[6] & 0x04) != 0);
        }
        if (state == PAYLOAD && i < end) {
            int take = end - i;
            if (remaining >= 0) {
                take = (int) Math.min(take, remaining);
                remaining -= take;
                if (remaining == 0) {
                    state = IDLE;
                }
            }
            if (take > 0) {
                consumer.payload(b, i, take, streamOffset + (i - off));
            }
        }
    }

    private void skip(boolean isInvalid) {
        if (isInvalid) {
            invalid++;
        }
        state = SKIP;
        consumer.discontinuity();
    }

    long invalidPes() {
        return invalid;
    }

    long scrambledPes() {
        return scrambled;
    }

    /** Stream ids whose PES packets have no optional header (and carry no elementary stream). */
    static boolean hasOptionalHeader(int streamId) {
        switch (streamId) {
            case 0xBC: // program_stream_map
            case 0xBE: // padding_stream
            case 0xBF: // private_stream_2
            case 0xF0: // ECM
            case 0xF1: // EMM
            case 0xF2: // DSMCC
            case 0xF8: // H.222.1 type E
            case 0xFF: // program_stream_directory
                return false;
            default:
                return true;
        }
    }

    /**
     * The DTS (or the PTS when there is no DTS) of a PES packet whose header starts at {@code
     * off} and lies whole in {@code b[off .. off+n)}; -1 otherwise. 90 kHz, 33 bits.
     */
    static long peekTimestamp(byte[] b, int off, int n) {
        if (n < 14 || b[off] != 0 || b[off + 1] != 0 || b[off + 2] != 1) {
            return -1;
        }
        if (!hasOptionalHeader(b[off + 3] & 0xFF) || (b[off + 6] & 0xC0) != 0x80) {
            return -1;
        }
        int flags = (b[off + 7] & 0xFF) >> 6;
        if (flags == 3 && n >= 19) {
            return timestamp(b, off + 14);
        }
        if (flags == 2 || flags == 3) {
            return timestamp(b, off + 9);
        }
        return -1;
    }

    private static long timestamp(byte[] b, int i) {
        return (((long) b[i] & 0x0E) << 29)
                | ((b[i + 1] & 0xFFL) << 22)
                | (((long) b[i + 2] & 0xFE) << 14)
                | ((b[i + 3] & 0xFFL) << 7)
                | ((b[i + 4] & 0xFFL) >> 1);
    }
}

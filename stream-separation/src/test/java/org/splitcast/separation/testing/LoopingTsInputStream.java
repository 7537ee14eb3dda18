package org.splitcast.separation.testing;

import java.io.InputStream;
import java.util.Arrays;

/**
 * An arbitrarily long, valid transport stream made by playing a real clip over and over: each
 * loop's PCR, PTS and DTS are shifted by the clip's duration and continuity counters carry on, so
 * the stream looks continuous to a demultiplexer. Deterministic: two instances give the same bytes.
 * It lets the constant-memory test push gigabytes through a separator without a file of that
 * size.
 */
public final class LoopingTsInputStream extends InputStream {

    private static final long WRAP = 1L << 33;

    private final byte[] clip;
    private final int packets;
    private final int[] pids;
    private final boolean[] payload;
    private final int[] pcrAt;
    private final int[] ptsAt;
    private final int[] dtsAt;
    private final long loopTicks;
    private final long total;
    private final int[] cc = new int[8192];
    private final byte[] packet = new byte[188];
    private long produced;
    private int index;
    private long loop;
    private int packetPos = 188;

    /** @param clip a 188-byte-packet transport stream; @param total bytes to produce (whole packets) */
    public LoopingTsInputStream(byte[] clip, long total) {
        this.clip = clip;
        this.packets = clip.length / 188;
        this.total = total - total % 188;
        pids = new int[packets];
        payload = new boolean[packets];
        pcrAt = new int[packets];
        ptsAt = new int[packets];
        dtsAt = new int[packets];
        long firstPcr = -1;
        long lastPcr = -1;
        int pcrCount = 0;
        for (int i = 0; i < packets; i++) {
            int s = i * 188;
            pids[i] = ((clip[s + 1] & 0x1F) << 8) | (clip[s + 2] & 0xFF);
            int afc = (clip[s + 3] >> 4) & 3;
            payload[i] = (afc & 1) != 0;
            pcrAt[i] = -1;
            ptsAt[i] = -1;
            dtsAt[i] = -1;
            int p = s + 4;
            if ((afc & 2) != 0) {
                int afl = clip[s + 4] & 0xFF;
                if (afl >= 7 && (clip[s + 5] & 0x10) != 0) {
                    pcrAt[i] = s + 6;
                    long pcr = pcrBase(clip, s + 6);
                    firstPcr = firstPcr < 0 ? pcr : firstPcr;
                    lastPcr = pcr;
                    pcrCount++;
                }
                p += 1 + afl;
            }
            boolean pusi = (clip[s + 1] & 0x40) != 0;
            if (pusi && payload[i] && p + 14 <= s + 188 && clip[p] == 0 && clip[p + 1] == 0 && clip[p + 2] == 1) {
                int flags = (clip[p + 7] & 0xFF) >> 6;
                if (flags >= 2) {
                    ptsAt[i] = p + 9;
                }
                if (flags == 3 && p + 19 <= s + 188) {
                    dtsAt[i] = p + 14;
                }
            }
        }
        if (pcrCount < 2) {
            throw new IllegalArgumentException("the clip needs at least two PCRs");
        }
        loopTicks = (lastPcr - firstPcr) + (lastPcr - firstPcr) / (pcrCount - 1);
        Arrays.fill(cc, -1);
    }

    private static long pcrBase(byte[] b, int i) {
        return ((b[i] & 0xFFL) << 25)
                | ((b[i + 1] & 0xFFL) << 17)
                | ((b[i + 2] & 0xFFL) << 9)
                | ((b[i + 3] & 0xFFL) << 1)
                | ((b[i + 4] & 0xFFL) >> 7);
    }

    private static void setPcrBase(byte[] b, int i, long v) {
        b[i] = (byte) (v >> 25);
        b[i + 1] = (byte) (v >> 17);
        b[i + 2] = (byte) (v >> 9);
        b[i + 3] = (byte) (v >> 1);
        b[i + 4] = (byte) ((b[i + 4] & 0x7F) | ((v & 1) << 7));
    }

    private static long timestamp(byte[] b, int i) {
        return (((long) b[i] & 0x0E) << 29)
                | ((b[i + 1] & 0xFFL) << 22)
                | (((long) b[i + 2] & 0xFE) << 14)
                | ((b[i + 3] & 0xFFL) << 7)
                | ((b[i + 4] & 0xFFL) >> 1);
    }

    private static void setTimestamp(byte[] b, int i, long t) {
        b[i] = (byte) ((b[i] & 0xF1) | ((t >> 29) & 0x0E));
        b[i + 1] = (byte) (t >> 22);
        b[i + 2] = (byte) ((b[i + 2] & 0x01) | ((t >> 14) & 0xFE));
        b[i + 3] = (byte) (t >> 7);
        b[i + 4] = (byte) ((b[i + 4] & 0x01) | ((t << 1) & 0xFE));
    }

    private void nextPacket() {
        int s = index * 188;
        System.arraycopy(clip, s, packet, 0, 188);
        int pid = pids[index];
        if (pid != 0x1FFF) {
            int original = packet[3] & 0x0F;
            if (cc[pid] < 0) {
                cc[pid] = original;
            } else if (payload[index]) {
                cc[pid] = (cc[pid] + 1) & 0x0F;
            }
            packet[3] = (byte) ((packet[3] & 0xF0) | cc[pid]);
        }
        long shift = (loop * loopTicks) % WRAP;
        if (shift != 0) {
            if (pcrAt[index] >= 0) {
                int at = pcrAt[index] - s;
                setPcrBase(packet, at, (pcrBase(packet, at) + shift) % WRAP);
            }
            if (ptsAt[index] >= 0) {
                int at = ptsAt[index] - s;
                setTimestamp(packet, at, (timestamp(packet, at) + shift) % WRAP);
            }
            if (dtsAt[index] >= 0) {
                int at = dtsAt[index] - s;
                setTimestamp(packet, at, (timestamp(packet, at) + shift) % WRAP);
            }
        }
        index++;
        if (index == packets) {
            index = 0;
            loop++;
        }
        packetPos = 0;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (produced >= total) {
            return -1;
        }
        int n = 0;
        while (n < len && produced < total) {
            if (packetPos == 188) {
                nextPacket();
            }
            int take = (int) Math.min(Math.min(len - n, 188 - packetPos), total - produced);
            System.arraycopy(packet, packetPos, b, off + n, take);
            packetPos += take;
            produced += take;
            n += take;
        }
        return n;
    }
}

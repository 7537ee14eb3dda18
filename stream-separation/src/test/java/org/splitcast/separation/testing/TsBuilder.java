package org.splitcast.separation.testing;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A small transport stream muxer for edge cases the ffmpeg muxer never produces: random
 * adaptation-field stuffing (down to one payload byte per packet, PES headers split across
 * packets), PES packets spanning many transport packets, PCR wrap and resets, continuity errors,
 * discontinuity indicators, duplicate packets, null packets, multi-packet PMT sections. It records
 * where every elementary-stream byte went ({@link EsSegments}).
 */
public final class TsBuilder {

    private final int packetSize;
    private final Random rng;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final int[] cc = new int[8192];
    private final Map<Integer, EsSegments> segments = new HashMap<>();
    private final List<int[]> pendingCcSkips = new ArrayList<>();
    private final boolean[] discontinuityNext = new boolean[8192];
    private long arrival;

    /** Probability that a packet gets random adaptation-field stuffing, and its maximum size. */
    public double stuffingProbability;

    public int maxStuffing = 150;
    /** PID that carries the PCR (in every packet's adaptation field when {@link #pcrEvery} hits). */
    public int pcrPid = -1;

    public int pcrEvery = 10;
    public long pcr;
    /** PCR increment per packet, in 90 kHz ticks. */
    public long pcrStep = 90;

    private int packetsOnPcrPid;

    public TsBuilder(int packetSize, long seed) {
        if (packetSize != 188 && packetSize != 192) {
            throw new IllegalArgumentException("packet size " + packetSize);
        }
        this.packetSize = packetSize;
        this.rng = new Random(seed);
    }

    public EsSegments segments(int pid, int streamType) {
        return segments.computeIfAbsent(pid, p -> new EsSegments(p, streamType));
    }

    public Map<Integer, EsSegments> allSegments() {
        return segments;
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }

    public int size() {
        return out.size();
    }

    /** The next packet of {@code pid} gets a continuity counter that skips one value. */
    public void skipContinuity(int pid) {
        cc[pid] = (cc[pid] + 1) & 0x0F;
    }

    /** The next packet of {@code pid} carries discontinuity_indicator. */
    public void discontinuity(int pid) {
        discontinuityNext[pid] = true;
    }

    /** Repeats the last packet written, byte for byte (a legal duplicate). */
    public void duplicateLast() {
        byte[] all = out.toByteArray();
        out.write(all, all.length - packetSize, packetSize);
    }

    public void nullPackets(int n) {
        for (int i = 0; i < n; i++) {
            byte[] p = new byte[188];
            Arrays.fill(p, (byte) 0xFF);
            p[0] = 0x47;
            p[1] = 0x1F;
            p[2] = (byte) 0xFF;
            p[3] = 0x10;
            writePacket(p);
        }
    }

    /** A PAT: {program number, PMT PID} pairs. */
    public void pat(int... programAndPid) {
        byte[] body = new byte[programAndPid.length * 2];
        for (int i = 0; i < programAndPid.length; i += 2) {
            body[i * 2] = (byte) (programAndPid[i] >> 8);
            body[i * 2 + 1] = (byte) programAndPid[i];
            body[i * 2 + 2] = (byte) (0xE0 | (programAndPid[i + 1] >> 8));
            body[i * 2 + 3] = (byte) programAndPid[i + 1];
        }
        section(0, psiSection(0x00, 1, body));
    }

    /** One elementary stream of a PMT. */
    public record Es(int streamType, int pid, byte[] descriptors) {
        public Es(int streamType, int pid) {
            this(streamType, pid, new byte[0]);
        }
    }

    public void pmt(int pmtPid, int program, int pcrPidValue, Es... streams) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(0xE0 | (pcrPidValue >> 8));
        body.write(pcrPidValue);
        body.write(0xF0);
        body.write(0);
        for (Es es : streams) {
            body.write(es.streamType());
            body.write(0xE0 | (es.pid() >> 8));
            body.write(es.pid());
            body.write(0xF0 | (es.descriptors().length >> 8));
            body.write(es.descriptors().length);
            body.write(es.descriptors(), 0, es.descriptors().length);
        }
        section(pmtPid, psiSection(0x02, program, body.toByteArray()));
    }

    /** A long section with a correct CRC around {@code body}. */
    public static byte[] psiSection(int tableId, int idExtension, byte[] body) {
        int sectionLength = 5 + body.length + 4;
        byte[] s = new byte[3 + sectionLength];
        s[0] = (byte) tableId;
        s[1] = (byte) (0xB0 | (sectionLength >> 8));
        s[2] = (byte) sectionLength;
        s[3] = (byte) (idExtension >> 8);
        s[4] = (byte) idExtension;
        s[5] = (byte) 0xC1; // version 0, current
        s[6] = 0;
        s[7] = 0;
        System.arraycopy(body, 0, s, 8, body.length);
        int crc = crc32(s, 0, s.length - 4);
        s[s.length - 4] = (byte) (crc >> 24);
        s[s.length - 3] = (byte) (crc >> 16);
        s[s.length - 2] = (byte) (crc >> 8);
        s[s.length - 1] = (byte) crc;
        return s;
    }

    /** MPEG-2 CRC-32, written here independently of the code under test. */
    public static int crc32(byte[] b, int off, int len) {
        int crc = 0xFFFFFFFF;
        for (int i = off; i < off + len; i++) {
            crc ^= (b[i] & 0xFF) << 24;
            for (int k = 0; k < 8; k++) {
                crc = (crc & 0x80000000) != 0 ? (crc << 1) ^ 0x04C11DB7 : crc << 1;
            }
        }
        return crc;
    }

    /** Writes a PSI section on {@code pid}, over as many packets as it needs. */
    public void section(int pid, byte[] section) {
        byte[] data = new byte[section.length + 1];
        System.arraycopy(section, 0, data, 1, section.length); // pointer_field 0
        int pos = 0;
        boolean first = true;
        while (pos < data.length) {
            byte[] p = new byte[188];
            Arrays.fill(p, (byte) 0xFF);
            header(p, pid, first, true, false);
            int n = Math.min(184, data.length - pos);
            System.arraycopy(data, pos, p, 4, n);
            pos += n;
            first = false;
            writePacket(p);
        }
    }

    /**
     * Writes a PES packet: header with a PTS, then {@code payload[off .. off+len)}.
     *
     * @param bounded whether PES_packet_length is set (else 0: unbounded, video style)
     */
    public void pes(
            int pid, int streamType, int streamId, byte[] payload, int off, int len, long pts, boolean bounded) {
        EsSegments seg = segments(pid, streamType);
        byte[] header = new byte[14];
        header[2] = 1;
        header[3] = (byte) streamId;
        int pesLength = bounded ? 8 + len : 0;
        if (pesLength > 0xFFFF) {
            pesLength = 0;
        }
        header[4] = (byte) (pesLength >> 8);
        header[5] = (byte) pesLength;
        header[6] = (byte) 0x84; // '10', data_alignment_indicator
        header[7] = (byte) 0x80; // PTS only
        header[8] = 5;
        long t = pts & ((1L << 33) - 1);
        header[9] = (byte) (0x21 | ((t >> 29) & 0x0E));
        header[10] = (byte) (t >> 22);
        header[11] = (byte) (0x01 | ((t >> 14) & 0xFE));
        header[12] = (byte) (t >> 7);
        header[13] = (byte) (0x01 | ((t << 1) & 0xFE));
        int total = header.length + len;
        int pos = 0;
        boolean first = true;
        while (pos < total) {
            byte[] p = new byte[188];
            boolean withPcr = pid == pcrPid && (packetsOnPcrPid++ % pcrEvery == 0);
            int remaining = total - pos;
            int af = 0; // bytes of adaptation field, length byte included
            if (withPcr) {
                af = 8;
            }
            if (discontinuityNext[pid]) {
                af = Math.max(af, 2);
            }
            if (stuffingProbability > 0 && rng.nextDouble() < stuffingProbability) {
                af = Math.max(af, 1) + rng.nextInt(maxStuffing + 1);
            }
            af = Math.min(af, 183);
            int room = 184 - af;
            if (remaining < room) {
                af += room - remaining;
                room = remaining;
            }
            header(p, pid, first, true, af > 0);
            if (af > 0) {
                p[4] = (byte) (af - 1);
                if (af > 1) {
                    int flags = 0;
                    if (discontinuityNext[pid]) {
                        flags |= 0x80;
                        discontinuityNext[pid] = false;
                    }
                    int i = 6;
                    if (withPcr && af >= 8) {
                        flags |= 0x10;
                        long base = pcr & ((1L << 33) - 1);
                        p[6] = (byte) (base >> 25);
                        p[7] = (byte) (base >> 17);
                        p[8] = (byte) (base >> 9);
                        p[9] = (byte) (base >> 1);
                        p[10] = (byte) (((base & 1) << 7) | 0x7E);
                        p[11] = 0;
                        i = 12;
                    }
                    p[5] = (byte) flags;
                    Arrays.fill(p, i, 4 + af, (byte) 0xFF);
                }
            }
            int start = 4 + af;
            long fileOffset = out.size() + (packetSize - 188) + start;
            for (int k = 0; k < room; k++, pos++) {
                p[start + k] = pos < header.length ? header[pos] : payload[off + pos - header.length];
            }
            int esStart = Math.max(0, header.length - (pos - room));
            if (esStart < room) {
                int esFrom = pos - room + esStart - header.length;
                seg.add(fileOffset + esStart, payload, off + esFrom, room - esStart);
            }
            if (pid == pcrPid) {
                pcr += pcrStep;
            }
            first = false;
            writePacket(p);
        }
    }

    private void header(byte[] p, int pid, boolean pusi, boolean payload, boolean adaptation) {
        p[0] = 0x47;
        p[1] = (byte) ((pusi ? 0x40 : 0) | (pid >> 8));
        p[2] = (byte) pid;
        int afc = (adaptation ? 2 : 0) | (payload ? 1 : 0);
        p[3] = (byte) ((afc << 4) | cc[pid]);
        cc[pid] = (cc[pid] + 1) & 0x0F;
    }

    private void writePacket(byte[] p) {
        if (packetSize == 192) {
            arrival += 1000;
            out.write((int) (arrival >> 24) & 0x3F);
            out.write((int) (arrival >> 16));
            out.write((int) (arrival >> 8));
            out.write((int) arrival);
        }
        out.write(p, 0, 188);
    }
}

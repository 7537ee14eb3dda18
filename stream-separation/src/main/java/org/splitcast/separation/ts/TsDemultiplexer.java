package org.splitcast.separation.ts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Walks the packets of a transport stream in place: checks sync, reads the 4-byte header and the
 * adaptation field (PCR, discontinuity), follows continuity counters, reassembles PAT and PMT,
 * and hands the PES payload of every elementary stream that has a consumer to it. TS headers,
 * adaptation fields, PSI and PES headers are read, never written.
 *
 * <p>Errors that make the stream unusable (sync lost, an impossible adaptation field, an absurd
 * PAT or PMT) throw; damage a receiver lives with (a continuity error, a duplicate, a packet
 * flagged in error, scrambled packets) is counted and the affected stream resynchronises.
 */
public final class TsDemultiplexer implements SectionAssembler.Handler {

    /** Told about every packet before its payload is handed on. */
    public interface PacketListener {
        /**
         * @param pid the packet's PID
         * @param streamOffset offset of the packet (of its M2TS prefix, if any)
         * @param clock90k the clock sample this packet carries (PCR base, or DTS/PTS when the
         *     program has no PCR), 33 bits; -1 if none
         * @param discontinuity the adaptation field's discontinuity_indicator
         */
        void packet(int pid, long streamOffset, long clock90k, boolean discontinuity);
    }

    /** Gives the consumer of an elementary stream, or null to pass it through untouched. */
    public interface ConsumerFactory {
        ElementaryStreamConsumer consumerFor(ElementaryStream stream);
    }

    private static final int PID_COUNT = 8192;
    private static final int NULL_PID = 0x1FFF;

    private final PacketFormat format;
    private final ProgramMap map;
    private final ConsumerFactory factory;
    private final PacketListener listener;
    private final SectionAssembler[] psi = new SectionAssembler[PID_COUNT];
    private final PesReader[] pes = new PesReader[PID_COUNT];
    private final byte[] lastCc = new byte[PID_COUNT];
    private int clockPid = -1;
    private boolean clockIsPcr;

    private long packets;
    private long ccErrors;
    private long duplicates;
    private long scrambledPackets;
    private long errorPackets;
    private long psiCrcErrors;

    /**
     * @param map the program map to fill (it may already hold what a probe found)
     * @param factory null to only read PSI (a probe)
     * @param listener null if nobody needs the packet clock
     */
    public TsDemultiplexer(PacketFormat format, ProgramMap map, ConsumerFactory factory, PacketListener listener) {
        this.format = format;
        this.map = map;
        this.factory = factory;
        this.listener = listener;
        Arrays.fill(lastCc, (byte) -1);
        psi[0] = new SectionAssembler(0);
        installPmtAssemblers();
        installStreams();
    }

    public ProgramMap programMap() {
        return map;
    }

    /**
     * Processes whole packets {@code b[off .. off+len)}, {@code len} a multiple of the packet
     * size, the first of them at {@code streamOffset} in the stream.
     */
    public void process(byte[] b, int off, int len, long streamOffset) throws StreamFormatException {
        final int size = format.size();
        final int syncOffset = format.syncOffset();
        for (int p = off, end = off + len; p < end; p += size, streamOffset += size) {
            int s = p + syncOffset;
            if ((b[s] & 0xFF) != PacketFormat.SYNC) {
                throw new StreamFormatException(
                        StreamFormatException.Problem.SYNC_LOST,
                        String.format(
                                "sync lost at byte %d (packet %d): expected 0x47, found 0x%02X",
                                streamOffset + syncOffset, streamOffset / size, b[s] & 0xFF));
            }
            packets++;
            int h1 = b[s + 1] & 0xFF;
            int pid = ((h1 & 0x1F) << 8) | (b[s + 2] & 0xFF);
            int h3 = b[s + 3] & 0xFF;
            int afc = (h3 >> 4) & 3;
            int payload = s + 4;
            boolean discontinuity = false;
            long pcr = -1;
            if ((afc & 2) != 0) {
                int afl = b[s + 4] & 0xFF;
                if (afl > 183) {
                    throw new StreamFormatException(
                            StreamFormatException.Problem.INVALID_PACKET,
                            String.format(
                                    "invalid packet at byte %d (PID 0x%04X): adaptation field of %d bytes in a 188-byte packet",
                                    streamOffset, pid, afl));
                }
                if (afl > 0) {
                    int flags = b[s + 5] & 0xFF;
                    discontinuity = (flags & 0x80) != 0;
                    if ((flags & 0x10) != 0 && afl >= 7) {
                        pcr = ((b[s + 6] & 0xFFL) << 25)
                                | ((b[s + 7] & 0xFFL) << 17)
                                | ((b[s + 8] & 0xFFL) << 9)
                                | ((b[s + 9] & 0xFFL) << 1)
                                | ((b[s + 10] & 0xFFL) >> 7);
                    }
                }
                payload = s + 5 + afl;
            }
            int payloadLen = (afc & 1) != 0 ? s + PacketFormat.TS_PACKET - payload : 0;
            boolean pusi = (h1 & 0x40) != 0;
            if (listener != null) {
                long clock = -1;
                if (pid == clockPid) {
                    if (clockIsPcr) {
                        clock = pcr;
                    } else if (pusi && payloadLen > 0) {
                        clock = PesReader.peekTimestamp(b, payload, payloadLen);
                    }
                }
                listener.packet(pid, streamOffset, clock, discontinuity);
            }
            if (pid == NULL_PID) {
                continue;
            }
            PesReader reader = pes[pid];
            SectionAssembler assembler = psi[pid];
            if (reader == null && assembler == null) {
                continue;
            }
            if ((h1 & 0x80) != 0) { // transport_error_indicator
                errorPackets++;
                lost(pid);
                continue;
            }
            if (discontinuity) {
                lastCc[pid] = -1;
                lost(pid);
            }
            if ((afc & 1) == 0) {
                continue; // no payload: the continuity counter does not move
            }
            int cc = h3 & 0x0F;
            int last = lastCc[pid];
            lastCc[pid] = (byte) cc;
            if (last >= 0) {
                if (cc == last) {
                    duplicates++;
                    continue;
                }
                if (cc != ((last + 1) & 0x0F)) {
                    ccErrors++;
                    lost(pid);
                }
            }
            if ((h3 & 0xC0) != 0) {
                scrambledPackets++;
                lost(pid);
                continue;
            }
            if (payloadLen == 0) {
                continue;
            }
            if (assembler != null) {
                assembler.packet(b, payload, payloadLen, pusi, this);
            } else {
                reader.packet(b, payload, payloadLen, streamOffset + (payload - p), pusi);
            }
        }
    }

    private void lost(int pid) {
        if (psi[pid] != null) {
            psi[pid].reset();
        }
        if (pes[pid] != null) {
            pes[pid].discontinuity();
        }
    }

    @Override
    public void section(int pid, byte[] section, int length) throws StreamFormatException {
        if (!Psi.crcOk(section, length)) {
            psiCrcErrors++;
            return;
        }
        if (pid == 0) {
            List<Psi.PatEntry> programs = Psi.parsePat(section, length);
            if (programs != null) {
                map.setPat(programs);
                installPmtAssemblers();
            }
        } else {
            Psi.Pmt pmt = Psi.parsePmt(pid, section, length);
            if (pmt != null && map.setPmt(pid, pmt)) {
                installStreams();
            }
        }
    }

    private void installPmtAssemblers() {
        for (int pid : map.pmtPids()) {
            if (psi[pid] == null) {
                psi[pid] = new SectionAssembler(pid);
            }
        }
    }

    private void installStreams() {
        List<ElementaryStream> streams = map.streams();
        if (clockPid < 0) {
            clockPid = map.clockPid();
            clockIsPcr = map.clockIsPcr();
        }
        if (factory == null) {
            return;
        }
        for (ElementaryStream es : streams) {
            if (pes[es.pid()] == null && psi[es.pid()] == null) {
                ElementaryStreamConsumer consumer = factory.consumerFor(es);
                if (consumer != null) {
                    pes[es.pid()] = new PesReader(consumer);
                }
            }
        }
    }

    /** The PID whose PCR (or PTS) times the stream; -1 if unknown. */
    public int clockPid() {
        return clockPid;
    }

    public boolean clockIsPcr() {
        return clockIsPcr;
    }

    /** Counters of the damage the stream carried, for reports. */
    public Counters counters() {
        long invalidPes = 0;
        long scrambledPes = 0;
        for (PesReader r : pes) {
            if (r != null) {
                invalidPes += r.invalidPes();
                scrambledPes += r.scrambledPes();
            }
        }
        return new Counters(
                packets, ccErrors, duplicates, scrambledPackets + scrambledPes, errorPackets, psiCrcErrors, invalidPes);
    }

    /** What a demultiplexer counted. */
    public record Counters(
            long packets,
            long continuityErrors,
            long duplicatePackets,
            long scrambled,
            long errorIndicatorPackets,
            long psiCrcErrors,
            long invalidPes) {

        /** Readable lines for the counters that are not zero. */
        public List<String> warnings() {
            List<String> out = new ArrayList<>();
            add(out, continuityErrors, "continuity counter errors (data lost; the stream resynchronised)");
            add(out, duplicatePackets, "duplicate packets (passed through unchanged)");
            add(out, scrambled, "scrambled packets or PES (passed through unchanged)");
            add(out, errorIndicatorPackets, "packets flagged with transport_error_indicator");
            add(out, psiCrcErrors, "PSI sections with a bad CRC (ignored)");
            add(out, invalidPes, "PES packets with an invalid header (passed through unchanged)");
            return out;
        }

        private static void add(List<String> out, long n, String what) {
            if (n > 0) {
                out.add(n + " " + what);
            }
        }
    }
}

package org.splitcast.separation.ts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The programs of a transport stream and their elementary streams, as the PAT and PMTs say. */
public final class ProgramMap {

    /** No PCR: the PMT's PCR_PID says 0x1FFF. */
    static final int NO_PCR = 0x1FFF;

    private final Map<Integer, Integer> pmtPidByProgram = new LinkedHashMap<>();
    private final Map<Integer, Psi.Pmt> pmtByProgram = new HashMap<>();
    private boolean patSeen;

    void setPat(List<Psi.PatEntry> programs) {
        patSeen = true;
        for (Psi.PatEntry p : programs) {
            pmtPidByProgram.put(p.programNumber(), p.pmtPid());
        }
    }

    /** @return whether this PMT changes the map */
    boolean setPmt(int pid, Psi.Pmt pmt) {
        Integer expected = pmtPidByProgram.get(pmt.programNumber());
        if (expected == null || expected != pid) {
            return false;
        }
        Psi.Pmt old = pmtByProgram.put(pmt.programNumber(), pmt);
        return old == null || old.version() != pmt.version() || !sameStreams(old, pmt);
    }

    private static boolean sameStreams(Psi.Pmt a, Psi.Pmt b) {
        if (a.streams().size() != b.streams().size()) {
            return false;
        }
        for (int i = 0; i < a.streams().size(); i++) {
            if (a.streams().get(i).pid() != b.streams().get(i).pid()
                    || a.streams().get(i).streamType() != b.streams().get(i).streamType()) {
                return false;
            }
        }
        return true;
    }

    public boolean patSeen() {
        return patSeen;
    }

    /** The PAT has been seen and every program it lists has its PMT. */
    public boolean complete() {
        return patSeen && !pmtPidByProgram.isEmpty() && pmtByProgram.keySet().containsAll(pmtPidByProgram.keySet());
    }

    public Set<Integer> pmtPids() {
        return new HashSet<>(pmtPidByProgram.values());
    }

    /** Program numbers in PAT order. */
    public List<Integer> programs() {
        return new ArrayList<>(pmtPidByProgram.keySet());
    }

    /** Programs of the PAT whose PMT has not been seen. */
    public List<Integer> programsWithoutPmt() {
        List<Integer> missing = new ArrayList<>();
        for (Integer p : pmtPidByProgram.keySet()) {
            if (!pmtByProgram.containsKey(p)) {
                missing.add(p);
            }
        }
        return missing;
    }

    /** Every elementary stream, program after program; a PID shared by programs appears once. */
    public List<ElementaryStream> streams() {
        List<ElementaryStream> out = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (Integer program : pmtPidByProgram.keySet()) {
            Psi.Pmt pmt = pmtByProgram.get(program);
            if (pmt == null) {
                continue;
            }
            for (Psi.PmtEntry e : pmt.streams()) {
                if (seen.add(e.pid())) {
                    Codec codec = StreamTypes.codecOf(e.streamType(), e.descriptors());
                    out.add(new ElementaryStream(
                            program, e.pid(), e.streamType(), codec, StreamTypes.describe(e.streamType(), codec)));
                }
            }
        }
        return out;
    }

    /**
     * The PID whose clock times the chunks: the PCR PID of the first program that has one, or
     * failing that the first elementary stream of the first program (its PTS/DTS); -1 if none.
     */
    int clockPid() {
        for (Integer program : pmtPidByProgram.keySet()) {
            Psi.Pmt pmt = pmtByProgram.get(program);
            if (pmt != null && pmt.pcrPid() != NO_PCR && pmt.pcrPid() != 0) {
                return pmt.pcrPid();
            }
        }
        for (Integer program : pmtPidByProgram.keySet()) {
            Psi.Pmt pmt = pmtByProgram.get(program);
            if (pmt != null && !pmt.streams().isEmpty()) {
                return pmt.streams().get(0).pid();
            }
        }
        return -1;
    }

    boolean clockIsPcr() {
        int clock = clockPid();
        for (Psi.Pmt pmt : pmtByProgram.values()) {
            if (pmt.pcrPid() == clock) {
                return true;
            }
        }
        return false;
    }
}

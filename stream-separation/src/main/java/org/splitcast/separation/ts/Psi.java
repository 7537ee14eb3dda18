package org.splitcast.separation.ts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses PAT and PMT sections and rejects the absurd ones: a section that passes its CRC but
 * whose lengths or PIDs make no sense stops the separation with a message naming the field. A
 * section that fails its CRC is only counted and ignored (PSI is repeated several times a second).
 */
final class Psi {

    static final int TABLE_PAT = 0x00;
    static final int TABLE_PMT = 0x02;

    /** One program of a PAT. */
    record PatEntry(int programNumber, int pmtPid) {}

    /** One elementary stream of a PMT. */
    record PmtEntry(int streamType, int pid, byte[] descriptors) {}

    /** A PMT. */
    record Pmt(int programNumber, int version, int pcrPid, List<PmtEntry> streams) {}

    private Psi() {}

    static boolean crcOk(byte[] s, int len) {
        return Crc32Mpeg.compute(s, 0, len) == 0;
    }

    /** @return the PAT's programs, or null if the section is not a current PAT */
    static List<PatEntry> parsePat(byte[] s, int len) throws StreamFormatException {
        if ((s[0] & 0xFF) != TABLE_PAT) {
            return null;
        }
        int sectionLength = len - 3; // checked before any byte past the 3-byte header is read
        if ((s[1] & 0x80) == 0 || sectionLength < 9 || (sectionLength - 9) % 4 != 0) {
            throw invalid("PAT", "section_length " + sectionLength + " is not 9 + 4 n");
        }
        if ((s[5] & 0x01) == 0) {
            return null;
        }
        List<PatEntry> programs = new ArrayList<>();
        for (int i = 8; i < len - 4; i += 4) {
            int program = ((s[i] & 0xFF) << 8) | (s[i + 1] & 0xFF);
            int pid = ((s[i + 2] & 0x1F) << 8) | (s[i + 3] & 0xFF);
            if (program == 0) {
                continue; // network PID (NIT)
            }
            if (pid < 0x0010 || pid > 0x1FFE) {
                throw invalid("PAT", String.format("program %d is mapped to reserved PID 0x%04X", program, pid));
            }
            programs.add(new PatEntry(program, pid));
        }
        return programs;
    }

    /** @return the PMT, or null if the section is not a current PMT */
    static Pmt parsePmt(int pid, byte[] s, int len) throws StreamFormatException {
        if ((s[0] & 0xFF) != TABLE_PMT) {
            return null;
        }
        String where = String.format("PMT on PID 0x%04X", pid);
        int sectionLength = len - 3; // checked before any byte past the 3-byte header is read
        if ((s[1] & 0x80) == 0 || sectionLength < 13) {
            throw invalid(where, "section_length " + sectionLength + " is shorter than a PMT");
        }
        if ((s[5] & 0x01) == 0) {
            return null;
        }
        int program = ((s[3] & 0xFF) << 8) | (s[4] & 0xFF);
        where = String.format("PMT of program %d on PID 0x%04X", program, pid);
        int version = (s[5] >> 1) & 0x1F;
        int pcrPid = ((s[8] & 0x1F) << 8) | (s[9] & 0xFF);
        int programInfoLength = ((s[10] & 0x0F) << 8) | (s[11] & 0xFF);
        int end = len - 4;
        int i = 12 + programInfoLength;
        if (i > end) {
            throw invalid(where, "program_info_length " + programInfoLength + " runs past the end of the section");
        }
        if (pcrPid < 0x0010 && pcrPid != 0) {
            throw invalid(where, String.format("PCR_PID 0x%04X is reserved", pcrPid));
        }
        List<PmtEntry> streams = new ArrayList<>();
        Set<Integer> pids = new HashSet<>();
        while (i < end) {
            if (i + 5 > end) {
                throw invalid(where, "an elementary stream entry is cut by the end of the section");
            }
            int type = s[i] & 0xFF;
            int esPid = ((s[i + 1] & 0x1F) << 8) | (s[i + 2] & 0xFF);
            int infoLength = ((s[i + 3] & 0x0F) << 8) | (s[i + 4] & 0xFF);
            if (i + 5 + infoLength > end) {
                throw invalid(
                        where,
                        String.format(
                                "ES_info_length %d of stream PID 0x%04X runs past the end of the section",
                                infoLength, esPid));
            }
            if (esPid < 0x0010 || esPid > 0x1FFE) {
                throw invalid(where, String.format("elementary stream on reserved PID 0x%04X", esPid));
            }
            if (esPid == pid) {
                throw invalid(where, String.format("elementary stream on the PMT's own PID 0x%04X", esPid));
            }
            if (!pids.add(esPid)) {
                throw invalid(where, String.format("PID 0x%04X is listed twice", esPid));
            }
            streams.add(new PmtEntry(type, esPid, Arrays.copyOfRange(s, i + 5, i + 5 + infoLength)));
            i += 5 + infoLength;
        }
        return new Pmt(program, version, pcrPid, streams);
    }

    private static StreamFormatException invalid(String where, String what) {
        return new StreamFormatException(StreamFormatException.Problem.INVALID_PSI, "invalid " + where + ": " + what);
    }
}

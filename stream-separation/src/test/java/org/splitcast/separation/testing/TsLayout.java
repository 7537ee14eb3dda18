package org.splitcast.separation.testing;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads a transport stream's layout, independently of the code under test and as simply as
 * possible: which PIDs carry which stream types (single-packet PAT and PMT, as ffmpeg writes them),
 * and where each elementary stream's PES payload bytes lie in the file.
 */
public final class TsLayout {

    private final Map<Integer, EsSegments> streams = new HashMap<>();

    private TsLayout() {}

    public Map<Integer, EsSegments> streams() {
        return streams;
    }

    public static TsLayout read(byte[] ts, int packetSize) {
        TsLayout layout = new TsLayout();
        int prefix = packetSize - 188;
        Set<Integer> pmtPids = new HashSet<>();
        Map<Integer, Integer> types = new HashMap<>();
        Map<Integer, Integer> headerLeft = new HashMap<>();
        for (int p = 0; p + packetSize <= ts.length; p += packetSize) {
            int s = p + prefix;
            int pid = ((ts[s + 1] & 0x1F) << 8) | (ts[s + 2] & 0xFF);
            boolean pusi = (ts[s + 1] & 0x40) != 0;
            int afc = (ts[s + 3] >> 4) & 3;
            int payload = s + 4;
            if ((afc & 2) != 0) {
                payload += 1 + (ts[s + 4] & 0xFF);
            }
            if ((afc & 1) == 0 || payload >= s + 188) {
                continue;
            }
            int end = s + 188;
            if (pid == 0 && pusi) {
                int sec = payload + 1 + (ts[payload] & 0xFF);
                int len = ((ts[sec + 1] & 0x0F) << 8) | (ts[sec + 2] & 0xFF);
                for (int i = sec + 8; i < sec + 3 + len - 4; i += 4) {
                    int program = ((ts[i] & 0xFF) << 8) | (ts[i + 1] & 0xFF);
                    if (program != 0) {
                        pmtPids.add(((ts[i + 2] & 0x1F) << 8) | (ts[i + 3] & 0xFF));
                    }
                }
            } else if (pmtPids.contains(pid) && pusi) {
                int sec = payload + 1 + (ts[payload] & 0xFF);
                int len = ((ts[sec + 1] & 0x0F) << 8) | (ts[sec + 2] & 0xFF);
                int i = sec + 12 + (((ts[sec + 10] & 0x0F) << 8) | (ts[sec + 11] & 0xFF));
                while (i < sec + 3 + len - 4) {
                    int esPid = ((ts[i + 1] & 0x1F) << 8) | (ts[i + 2] & 0xFF);
                    types.put(esPid, ts[i] & 0xFF);
                    i += 5 + (((ts[i + 3] & 0x0F) << 8) | (ts[i + 4] & 0xFF));
                }
            } else if (types.containsKey(pid)) {
                EsSegments seg = layout.streams.computeIfAbsent(pid, k -> new EsSegments(k, types.get(k)));
                int i = payload;
                if (pusi) {
                    headerLeft.put(pid, -1);
                }
                int left = headerLeft.getOrDefault(pid, 0);
                if (left == -1) { // the PES header starts here (ffmpeg keeps it in one packet)
                    left = 9 + (ts[i + 8] & 0xFF);
                }
                int skip = Math.min(left, end - i);
                i += skip;
                headerLeft.put(pid, left - skip);
                seg.add(i, ts, i, end - i);
            }
        }
        return layout;
    }
}

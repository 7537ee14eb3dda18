package org.splitcast.separation.testing;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the bytes of one elementary stream lie in a transport stream file: a list of segments
 * (file offset, ES offset, length), and the ES bytes themselves. Built by {@link TsBuilder} while
 * muxing and by {@link TsLayout} while reading, independently of the code under test.
 */
public final class EsSegments {

    public final int pid;
    public final int streamType;
    private final List<long[]> segments = new ArrayList<>();
    private final ByteArrayOutputStream es = new ByteArrayOutputStream();

    public EsSegments(int pid, int streamType) {
        this.pid = pid;
        this.streamType = streamType;
    }

    void add(long fileOffset, byte[] b, int off, int len) {
        if (len <= 0) {
            return;
        }
        segments.add(new long[] {fileOffset, es.size(), len});
        es.write(b, off, len);
    }

    public byte[] bytes() {
        return es.toByteArray();
    }

    /** The ES offset of a file offset, or -1 if the file byte is not ES of this stream. */
    public long esOffsetOf(long fileOffset) {
        int lo = 0;
        int hi = segments.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long[] s = segments.get(mid);
            if (fileOffset < s[0]) {
                hi = mid - 1;
            } else if (fileOffset >= s[0] + s[2]) {
                lo = mid + 1;
            } else {
                return s[1] + (fileOffset - s[0]);
            }
        }
        return -1;
    }

    public long size() {
        return es.size();
    }
}

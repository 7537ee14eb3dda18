package org.splitcast.separation.codec;

import org.splitcast.separation.selection.UnitClass;
import org.splitcast.separation.selection.UnitSelector;

/**
 * Walks the frames of a sync-word framed audio stream (ADTS, MPEG audio, AC-3) from header to
 * header, across PES and packet boundaries, and hands each frame's payload (after the header and
 * its CRC) to the selector. After a loss of sync a candidate frame is only trusted, and its
 * successors touched, once the next header turns up exactly where the candidate said: a false
 * sync pattern inside audio data is never mistaken for a frame.
 */
abstract class AudioFrameHandler extends EsHandler {

    /** {@link #headerLength} result for bytes that cannot start a frame header. */
    protected static final int INVALID = -1;

    private final byte[] hdr = new byte[128];
    private int hdrLen;
    private boolean synced;
    private boolean confirmed;
    private boolean inFrame;
    private long frameRemaining;
    /** Set by {@link #headerLength} when it returns a complete header. */
    protected int frameLength;

    protected AudioFrameHandler(UnitSelector selector) {
        super(selector);
    }

    /**
     * Examines {@code h[0 .. len)}, a frame header being read byte by byte.
     *
     * @return {@link #INVALID}; or the header's length (sync word, fixed header, CRC, bit stream
     *     information) if it is known, in which case it may exceed {@code len} (more bytes needed),
     *     and when it equals {@code len} the header is complete and {@link #frameLength} is set
     */
    protected abstract int headerLength(byte[] h, int len);

    @Override
    protected final void onPayload(byte[] buf, int off, int len, long streamOffset) {
        int i = off;
        int end = off + len;
        while (i < end) {
            if (inFrame) {
                int n = (int) Math.min(frameRemaining, end - i);
                if (confirmed) {
                    selector.apply(buf, i, n, streamOffset + (i - off), frameRemaining > n);
                }
                i += n;
                frameRemaining -= n;
                if (frameRemaining == 0) {
                    selector.end();
                    inFrame = false;
                }
                continue;
            }
            hdr[hdrLen++] = buf[i++];
            while (hdrLen > 0) {
                int need = headerLength(hdr, hdrLen);
                if (need == INVALID || need > hdr.length) {
                    if (synced) {
                        synced = false;
                        confirmed = false;
                        resyncs++;
                    }
                    System.arraycopy(hdr, 1, hdr, 0, --hdrLen);
                    continue;
                }
                if (need > hdrLen) {
                    break;
                }
                confirmed = synced; // the previous frame's length led exactly here
                synced = true;
                units++;
                frameRemaining = frameLength - hdrLen;
                hdrLen = 0;
                if (frameRemaining > 0) {
                    inFrame = true;
                    if (confirmed) {
                        selector.begin(UnitClass.AUDIO);
                    }
                }
                break;
            }
        }
    }

    @Override
    public void discontinuity() {
        selector.end();
        inFrame = false;
        synced = false;
        confirmed = false;
        hdrLen = 0;
        resyncs++;
    }
}

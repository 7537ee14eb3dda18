package org.splitcast.session.ingest.internal;

import org.splitcast.error.InvalidRequestException;

/**
 * A quick look at the first bytes of an upload, so that a file that is not an MPEG transport
 * stream is refused at once, not after it has been received whole: the sync byte {@code 0x47} must
 * open each of the first packets, 188 bytes apart (or 192, M2TS, after a 4-byte time code). At the
 * end, the length must be a whole number of packets (a shorter one is a truncated upload). The
 * separation checks everything else.
 */
final class TransportStreamSniffer {

    static final int SNIFF_BYTES = 8 * 192;
    private static final int PACKETS = 5;
    private static final byte SYNC = 0x47;

    private final byte[] head = new byte[SNIFF_BYTES];
    private int length;
    private int packetSize;

    void feed(byte[] bytes, int n) {
        int take = Math.min(n, head.length - length);
        System.arraycopy(bytes, 0, head, length, take);
        length += take;
    }

    /** Refuses the upload once enough is seen and it is not a transport stream. */
    void requirePlausible() throws InvalidRequestException {
        if (packetSize != 0 || length < PACKETS * 192 + 4) {
            return;
        }
        decide(length);
    }

    /** At the end: a transport stream of whole packets. */
    void requireComplete(long total) throws InvalidRequestException {
        if (packetSize == 0) {
            decide(length);
        }
        if (total % packetSize != 0) {
            throw new InvalidRequestException("the upload is truncated: " + total + " bytes is not a whole number of "
                    + packetSize + "-byte packets");
        }
    }

    private void decide(int available) throws InvalidRequestException {
        if (syncs(188, 0, available)) {
            packetSize = 188;
        } else if (syncs(192, 4, available)) {
            packetSize = 192;
        } else {
            throw new InvalidRequestException(
                    "the upload is not an MPEG transport stream (no 0x47 sync byte every 188 or 192 bytes)");
        }
    }

    private boolean syncs(int size, int offset, int available) {
        int seen = 0;
        for (int at = offset; at < available && seen < PACKETS; at += size, seen++) {
            if (head[at] != SYNC) {
                return false;
            }
        }
        return seen > 0;
    }
}

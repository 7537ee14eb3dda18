package org.splitcast.separation.ts;

/** Receives the payload of one elementary stream, PES packet after PES packet. */
public interface ElementaryStreamConsumer {

    /**
     * A PES packet starts; its payload follows.
     *
     * @param dataAligned the PES header's data_alignment_indicator
     */
    void pesStart(boolean dataAligned);

    /**
     * The next elementary-stream bytes, {@code buf[off .. off+len)}, which the consumer may
     * overwrite in place (and only there).
     *
     * @param streamOffset position of {@code buf[off]} in the whole transport stream
     */
    void payload(byte[] buf, int off, int len, long streamOffset);

    /** Bytes were lost or the stream was spliced: whatever unit was in progress is abandoned. */
    void discontinuity();
}

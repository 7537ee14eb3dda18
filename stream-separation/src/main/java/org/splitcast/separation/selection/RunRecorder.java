package org.splitcast.separation.selection;

/** Receives the original bytes of every run, before they are replaced in the main stream. */
public interface RunRecorder {

    /**
     * @param mainOffset position of {@code buf[off]} in the stream (main and original alike)
     */
    void record(long mainOffset, byte[] buf, int off, int len);
}

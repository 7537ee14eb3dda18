package org.splitcast.separation.codec;

import org.splitcast.separation.selection.UnitSelector;
import org.splitcast.separation.ts.ElementaryStreamConsumer;

/**
 * The codec-aware part of the separating device for one elementary stream: it finds where coded
 * media data lies (slice data, audio frame payloads) and lets its {@link UnitSelector} take runs
 * there, and only there. Headers of every kind are parsed, never written.
 */
public abstract class EsHandler implements ElementaryStreamConsumer {

    protected final UnitSelector selector;
    protected long esBytes;
    /** Coded units found (slices, frames). */
    protected long units;
    /** Coded units left untouched because their header could not be parsed. */
    protected long skippedUnits;
    /** Times the handler lost the stream's structure and had to search for it again. */
    protected long resyncs;

    protected EsHandler(UnitSelector selector) {
        this.selector = selector;
    }

    @Override
    public void pesStart(boolean dataAligned) {}

    @Override
    public final void payload(byte[] buf, int off, int len, long streamOffset) {
        esBytes += len;
        onPayload(buf, off, len, streamOffset);
    }

    protected abstract void onPayload(byte[] buf, int off, int len, long streamOffset);

    /** The end of the input: a unit in progress ends here. */
    public void finish() {
        selector.end();
    }

    /** "1280x720" when the stream's headers said so, else null. */
    public String resolution() {
        return null;
    }

    public long esBytes() {
        return esBytes;
    }

    public long units() {
        return units;
    }

    public long skippedUnits() {
        return skippedUnits;
    }

    public long resyncs() {
        return resyncs;
    }

    public UnitSelector selector() {
        return selector;
    }
}

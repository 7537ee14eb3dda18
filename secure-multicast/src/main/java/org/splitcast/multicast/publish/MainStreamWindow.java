package org.splitcast.multicast.publish;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The public main stream of a live channel as a sliding window (docs/live.md §6): the main-stream
 * bytes of the last {@code capacity} chunks, by live chunk number, served over plain HTTP (GET
 * /live/{groupId}/main/{chunkSeq}). The publisher puts a chunk's range here before it sends the
 * chunk, so a terminal never gets a chunk whose main bytes are not yet available. Thread-safe.
 */
public final class MainStreamWindow {

    private final int capacity;
    private final LinkedHashMap<Long, byte[]> ranges;
    private long newest = -1;

    public MainStreamWindow(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
        this.ranges = new LinkedHashMap<>(capacity * 2) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, byte[]> eldest) {
                return size() > MainStreamWindow.this.capacity;
            }
        };
    }

    public synchronized void put(long chunkSeq, byte[] mainBytes) {
        ranges.put(chunkSeq, mainBytes);
        newest = Math.max(newest, chunkSeq);
    }

    /** The range of a chunk, or null when it is not (or no longer) in the window. Not a copy. */
    public synchronized byte[] get(long chunkSeq) {
        return ranges.get(chunkSeq);
    }

    /** The newest chunk number in the window, or -1. */
    public synchronized long newest() {
        return newest;
    }
}

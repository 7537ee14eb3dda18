package org.splitcast.multicast.relay;

import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * The recent frames of one group at an edge node: the catch-up window a reconnecting terminal
 * resumes from (docs/live.md §5). Holds at most {@code capacity} frames, in seq order. Readers
 * block on it until a frame after their cursor arrives. Thread-safe.
 */
public final class FrameWindow {

    private final int capacity;
    private final ArrayDeque<LiveFrame> frames = new ArrayDeque<>();
    private long newest;
    private boolean closed;

    public FrameWindow(int capacity) {
        this.capacity = capacity;
    }

    /** Adds a frame; a frame not newer than the newest held (a duplicate replay) is dropped. */
    public synchronized void add(LiveFrame frame) {
        if (frame.seq() <= newest) {
            return;
        }
        frames.addLast(frame);
        newest = frame.seq();
        while (frames.size() > capacity) {
            frames.removeFirst();
        }
        notifyAll();
    }

    /** The newest seq held, 0 if none yet. */
    public synchronized long newest() {
        return newest;
    }

    /** The oldest seq held, 0 if none. */
    public synchronized long oldest() {
        return frames.isEmpty() ? 0 : frames.peekFirst().seq();
    }

    /**
     * The first frame after {@code cursor}, waiting up to {@code timeoutMillis}; null on timeout
     * or when closed. If frames after the cursor have left the window, a GAP frame naming the
     * oldest one held comes first.
     */
    public synchronized LiveFrame next(String groupId, long cursor, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!closed) {
            if (!frames.isEmpty() && newest > cursor) {
                long oldest = frames.peekFirst().seq();
                if (cursor >= 0 && oldest > cursor + 1) {
                    return LiveFrame.control(LiveFrame.Type.GAP, groupId, oldest);
                }
                // from the newest end: a reader that keeps up is one frame behind, so this is O(1)
                // where a scan from the oldest end cost the whole window at each frame
                LiveFrame first = null;
                for (Iterator<LiveFrame> it = frames.descendingIterator(); it.hasNext(); ) {
                    LiveFrame f = it.next();
                    if (f.seq() <= cursor) {
                        break;
                    }
                    first = f;
                }
                return first;
            }
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return null;
            }
            wait(left);
        }
        return null;
    }

    public synchronized void close() {
        closed = true;
        notifyAll();
    }

    public synchronized boolean isClosed() {
        return closed;
    }
}

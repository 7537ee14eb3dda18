package org.splitcast.multicast.relay;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jgroups.BytesMessage;
import org.jgroups.JChannel;
import org.jgroups.Message;
import org.jgroups.Receiver;
import org.jgroups.View;
import org.splitcast.multicast.wire.MalformedMessageException;

/**
 * The JGroups side of an edge node (claim 1's access point, docs/live.md §5): a member of the
 * publisher's cluster that subscribes to a group only while it has local readers for it and
 * unsubscribes when the last one goes, keeps each subscribed group's recent frames in a {@link
 * FrameWindow}, and counts every frame byte that reaches it per group (subscribed or not: the
 * network-level measure that a group nobody here asked for costs nothing).
 *
 * <p>The edge holds no session key, no traffic key and no clear chunk: it moves sealed frames.
 * Lifecycle: {@link #start}, {@link #stop}. Thread-safe.
 */
public final class EdgeRelay implements Receiver, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EdgeRelay.class.getName());

    private final JChannel channel;
    private final String clusterName;
    private final int windowFrames;
    private final Map<String, GroupState> groups = new HashMap<>();
    private final Map<String, AtomicLong> bytesReceived = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> framesReceived = new ConcurrentHashMap<>();
    private volatile boolean running;
    private java.util.concurrent.ScheduledExecutorService announcer;
    /** Subscriptions are re-announced this often, in case one was dropped while a view settled. */
    static final long REANNOUNCE_MILLIS = 2000;

    private static final class GroupState {
        final FrameWindow window;
        final long fromSeq;
        int readers;

        GroupState(FrameWindow window, long fromSeq) {
            this.window = window;
            this.fromSeq = fromSeq;
        }
    }

    /** A local reader's hold on a group: frames after its cursor, until closed. */
    public final class Reader implements AutoCloseable {
        private final String groupId;
        private final FrameWindow window;
        private long cursor;
        private boolean closed;

        Reader(String groupId, FrameWindow window, long cursor) {
            this.groupId = groupId;
            this.window = window;
            this.cursor = cursor;
        }

        /**
         * The next frame (a GAP frame if some were lost), or null after {@code timeoutMillis}
         * without one or once the relay stopped.
         */
        public LiveFrame next(long timeoutMillis) throws InterruptedException {
            LiveFrame f = window.next(groupId, cursor, timeoutMillis);
            if (f != null) {
                cursor = f.type() == LiveFrame.Type.GAP ? f.seq() - 1 : f.seq();
            }
            return f;
        }

        /** The newest frame seq this edge holds for the group. */
        public long newest() {
            return window.newest();
        }

        public boolean relayStopped() {
            return window.isClosed();
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                release(groupId);
            }
        }
    }

    /**
     * @param channel a channel from {@code SplitcastStacks.newChannel}, not connected; the relay
     *     connects and closes it
     * @param windowFrames frames kept per group for terminals that reconnect
     */
    public EdgeRelay(JChannel channel, String clusterName, int windowFrames) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.clusterName = Objects.requireNonNull(clusterName, "clusterName");
        if (windowFrames < 1) {
            throw new IllegalArgumentException("the window holds at least one frame");
        }
        this.windowFrames = windowFrames;
    }

    public synchronized void start() throws Exception {
        channel.setReceiver(this);
        channel.connect(clusterName);
        running = true;
        announce();
        announcer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "splitcast-edge-announce");
            t.setDaemon(true);
            return t;
        });
        announcer.scheduleWithFixedDelay(
                this::announce, REANNOUNCE_MILLIS, REANNOUNCE_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    public void stop() {
        if (announcer != null) {
            announcer.shutdownNow();
        }
        synchronized (this) {
            running = false;
            groups.values().forEach(g -> g.window.close());
            groups.clear();
        }
        channel.close();
    }

    @Override
    public void close() {
        stop();
    }

    public boolean isRunning() {
        return running;
    }

    /**
     * A reader of {@code groupId} from the frame after {@code afterSeq} (-1: from the next frame
     * to arrive). The first reader of a group subscribes the edge to it, asking the publisher to
     * replay from {@code afterSeq + 1} when that is given.
     */
    public Reader open(String groupId, long afterSeq) {
        GroupState g;
        boolean subscribe = false;
        synchronized (this) {
            if (!running) {
                throw new IllegalStateException("the edge relay is not running");
            }
            g = groups.get(groupId);
            if (g == null) {
                g = new GroupState(new FrameWindow(windowFrames), afterSeq >= 0 ? afterSeq + 1 : 0);
                groups.put(groupId, g);
                subscribe = true;
            }
            g.readers++;
        }
        if (subscribe) {
            announce();
        }
        // -1: whatever frame arrives first (the window is new and empty)
        long cursor = afterSeq >= 0 ? afterSeq : g.window.newest() > 0 ? g.window.newest() : -1;
        return new Reader(groupId, g.window, cursor);
    }

    private void release(String groupId) {
        boolean unsubscribe = false;
        synchronized (this) {
            GroupState g = groups.get(groupId);
            if (g != null && --g.readers == 0) {
                groups.remove(groupId);
                g.window.close();
                unsubscribe = true;
            }
        }
        if (unsubscribe) {
            announce();
        }
    }

    /** Groups this edge is subscribed to, with their local reader counts. */
    public synchronized Map<String, Integer> subscriptions() {
        Map<String, Integer> out = new LinkedHashMap<>();
        groups.forEach((id, g) -> out.put(id, g.readers));
        return out;
    }

    /** Frame bytes received from the cluster for a group (subscribed or not). */
    public long bytesReceived(String groupId) {
        AtomicLong n = bytesReceived.get(groupId);
        return n == null ? 0 : n.get();
    }

    /** Frames received from the cluster for a group (subscribed or not). */
    public long framesReceived(String groupId) {
        AtomicLong n = framesReceived.get(groupId);
        return n == null ? 0 : n.get();
    }

    /** Every group frames arrived for, with their byte counts. */
    public Map<String, Long> bytesReceivedByGroup() {
        Map<String, Long> out = new LinkedHashMap<>();
        bytesReceived.forEach((g, n) -> out.put(g, n.get()));
        return out;
    }

    private void announce() {
        Map<String, Long> wanted = new LinkedHashMap<>();
        synchronized (this) {
            if (!running) {
                return;
            }
            groups.forEach((id, g) -> wanted.put(id, g.fromSeq));
        }
        try {
            channel.send(new BytesMessage(null, ControlMessage.subscriptions(wanted)));
        } catch (Exception e) {
            LOG.log(Level.WARNING, "cannot announce the edge's subscriptions: " + e.getMessage());
        }
    }

    @Override
    public void receive(Message msg) {
        byte[] buf = msg.getArray();
        if (buf == null) {
            return;
        }
        try {
            int type = ControlMessage.type(buf, msg.getOffset(), msg.getLength());
            if (type == ControlMessage.FRAME) {
                LiveFrame frame = ControlMessage.readFrame(buf, msg.getOffset(), msg.getLength());
                bytesReceived
                        .computeIfAbsent(frame.groupId(), k -> new AtomicLong())
                        .addAndGet(msg.getLength());
                framesReceived
                        .computeIfAbsent(frame.groupId(), k -> new AtomicLong())
                        .incrementAndGet();
                GroupState g;
                synchronized (this) {
                    g = groups.get(frame.groupId());
                }
                if (g != null) {
                    g.window.add(frame);
                }
            } else if (type == ControlMessage.HELLO) {
                background(this::announce);
            }
        } catch (MalformedMessageException e) {
            LOG.log(Level.FINE, "ignored a malformed message from " + msg.getSrc() + ": " + e.getMessage());
        }
    }

    private static void background(Runnable task) {
        Thread t = new Thread(task, "splitcast-edge-announce");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void viewAccepted(View view) {
        if (running) {
            background(this::announce);
        }
    }
}

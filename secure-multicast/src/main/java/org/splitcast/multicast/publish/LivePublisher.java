package org.splitcast.multicast.publish;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jgroups.Address;
import org.jgroups.BytesMessage;
import org.jgroups.JChannel;
import org.jgroups.Message;
import org.jgroups.Receiver;
import org.jgroups.View;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.crypto.SecretKeys;
import org.splitcast.multicast.chunk.ChunkAad;
import org.splitcast.multicast.chunk.ChunkSealer;
import org.splitcast.multicast.group.GroupMetrics;
import org.splitcast.multicast.group.GroupPolicy;
import org.splitcast.multicast.group.MulticastGroup;
import org.splitcast.multicast.keys.KeyMessage;
import org.splitcast.multicast.keys.LiveSigner;
import org.splitcast.multicast.keys.TrafficKey;
import org.splitcast.multicast.relay.ControlMessage;
import org.splitcast.multicast.relay.LiveFrame;
import org.splitcast.multicast.wire.MalformedMessageException;

/**
 * The central server's publisher (claims 5, 6 and 9): owns a JChannel on one of the secure stacks
 * of jgroups-config, the live channels' {@link MulticastGroup}s and their sources, and sends each
 * group's frames (key messages and sealed chunks, docs/live.md §3.4) to the edge nodes subscribed
 * to it, and to no other node: one reliable, ordered unicast (UNICAST3) per subscribed edge.
 *
 * <p>Chunks are paced at the stream's own rate (the stream time of each chunk) or faster by a
 * factor. A chunk falls due whether or not anyone listens, so the broadcast stays live; but it is
 * sealed and sent only while the group has a member with a valid session key (claim 9), and only
 * to edges that asked for the group. Key messages always go before the chunks sealed under the key
 * they bring, on the same ordered flow.
 *
 * <p>All sending happens on the publisher's one thread; membership calls on {@link MulticastGroup}
 * may come from any thread. Lifecycle: {@link #start}, {@link #stop}; nothing static.
 */
public final class LivePublisher implements Receiver, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LivePublisher.class.getName());
    /** How often groups are ticked (lapses, key periods, due chunks). */
    static final long TICK_MILLIS = 10;

    private final JChannel channel;
    private final String clusterName;
    private final LiveSigner signer;
    private final ChunkSealer sealer;
    private final CryptoProvider crypto;
    private final Clock clock;
    private final Map<String, Feed> feeds = new ConcurrentHashMap<>();
    /** edge -> group -> fromSeq; only touched on the publisher thread */
    private final Map<Address, Map<String, Long>> subscriptions = new HashMap<>();

    private ScheduledExecutorService executor;
    private volatile boolean running;

    /** One group, its source, and its pacing and replay state (publisher thread only). */
    private final class Feed {
        final MulticastGroup group;
        final ChunkSource source;
        final MainStreamWindow window;
        final double speed;
        final ArrayDeque<LiveFrame> replay = new ArrayDeque<>();
        long frameSeq;
        LiveChunk next;
        boolean ended;
        long startNanos = -1;
        long firstStreamTime;
        long secondStart = System.nanoTime();
        long bytesThisSecond;
        volatile long bytesLastSecond;

        Feed(MulticastGroup group, ChunkSource source, MainStreamWindow window, double speed) {
            this.group = group;
            this.source = source;
            this.window = window;
            this.speed = speed;
        }
    }

    /**
     * @param channel a channel made with {@code SplitcastStacks.newChannel} (not connected): the
     *     publisher connects and closes it
     */
    public LivePublisher(
            JChannel channel,
            String clusterName,
            LiveSigner signer,
            ChunkSealer sealer,
            CryptoProvider crypto,
            Clock clock) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.clusterName = Objects.requireNonNull(clusterName, "clusterName");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.sealer = Objects.requireNonNull(sealer, "sealer");
        this.crypto = Objects.requireNonNull(crypto, "crypto");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Connects to the cluster and starts the publishing thread. */
    public synchronized void start() throws Exception {
        if (running) {
            return;
        }
        channel.setReceiver(this);
        channel.connect(clusterName);
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "splitcast-live-publisher");
            t.setDaemon(true);
            return t;
        });
        running = true;
        executor.schedule(this::tickAll, TICK_MILLIS, TimeUnit.MILLISECONDS);
        executor.execute(this::sayHello);
    }

    /** Stops publishing, closes every group and source, and leaves the cluster. */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (String groupId : List.copyOf(feeds.keySet())) {
            closeGroup(groupId);
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

    /** This publisher's cluster address (null before start). */
    public Address address() {
        return channel.getAddress();
    }

    /**
     * Opens a live channel's group: chunks come from {@code source} at {@code speed} times the
     * stream's rate (1 = live; 0 = as fast as the edges take them), their main-stream ranges go to
     * {@code window}. The group starts without members.
     */
    public MulticastGroup openGroup(
            String groupId,
            String contentId,
            GroupPolicy policy,
            ChunkSource source,
            MainStreamWindow window,
            double speed) {
        if (speed < 0) {
            throw new IllegalArgumentException("speed must not be negative");
        }
        MulticastGroup group = new MulticastGroup(groupId, contentId, policy, signer, crypto, clock);
        if (feeds.putIfAbsent(groupId, new Feed(group, source, window, speed)) != null) {
            throw new IllegalArgumentException("group " + groupId + " is already open");
        }
        return group;
    }

    /** The open group, or null. */
    public MulticastGroup group(String groupId) {
        Feed f = feeds.get(groupId);
        return f == null ? null : f.group;
    }

    /** The group's main-stream window, or null. */
    public MainStreamWindow window(String groupId) {
        Feed f = feeds.get(groupId);
        return f == null ? null : f.window;
    }

    /** Closes a group: no more frames, keys wiped, source closed. */
    public void closeGroup(String groupId) {
        Feed f = feeds.remove(groupId);
        if (f != null) {
            f.group.close();
            try {
                f.source.close();
            } catch (IOException e) {
                LOG.log(Level.WARNING, "closing the source of group " + groupId + ": " + e.getMessage());
            }
        }
    }

    /** Whether the group's source is exhausted (a broadcast played once). */
    public boolean ended(String groupId) {
        Feed f = feeds.get(groupId);
        return f != null && f.ended;
    }

    /** The group's counters, or null for an unknown group. */
    public GroupMetrics metrics(String groupId) {
        Feed f = feeds.get(groupId);
        if (f == null) {
            return null;
        }
        return f.group.metrics(subscribers(groupId).size(), f.bytesLastSecond);
    }

    /** The edge nodes subscribed to a group now. */
    public Set<Address> subscribers(String groupId) {
        return onPublisherThread(() -> {
            Set<Address> out = new HashSet<>();
            subscriptions.forEach((edge, groups) -> {
                if (groups.containsKey(groupId)) {
                    out.add(edge);
                }
            });
            return out;
        });
    }

    private <T> T onPublisherThread(java.util.concurrent.Callable<T> task) {
        try {
            return executor.submit(task).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the publisher is not running", e);
        }
    }

    // --- publisher thread ---

    /**
     * One round over the groups. The next round follows at once (queued behind the subscription
     * changes handed to this thread meanwhile) when a group still had chunks due and stopped only
     * because its share of the round was used up; otherwise after {@link #TICK_MILLIS}. A fixed
     * delay after every round left the thread idle a third of the time while an unpaced or
     * late group had chunks waiting (docs/live.md §9).
     */
    private void tickAll() {
        if (!running) {
            return;
        }
        boolean behind = false;
        try {
            for (Feed f : feeds.values()) {
                try {
                    behind |= tick(f);
                } catch (RuntimeException | IOException e) {
                    LOG.log(Level.WARNING, "group " + f.group.groupId() + ": " + e.getMessage(), e);
                }
            }
        } finally {
            // whatever happened, the rounds go on (a fixed-delay task stopped at the first throw)
            try {
                if (behind) {
                    executor.execute(this::tickAll);
                } else {
                    executor.schedule(this::tickAll, TICK_MILLIS, TimeUnit.MILLISECONDS);
                }
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                // stop() shut the executor down
            }
        }
    }

    /** Publishes what is due; true if chunks are still due (the round's share ran out). */
    private boolean tick(Feed f) throws IOException {
        for (KeyMessage m : f.group.tick()) {
            send(f, LiveFrame.key(f.group.groupId(), ++f.frameSeq, m.encoded()));
        }
        long now = System.nanoTime();
        if (now - f.secondStart >= 1_000_000_000L) {
            f.bytesLastSecond = f.bytesThisSecond;
            f.bytesThisSecond = 0;
            f.secondStart = now;
        }
        long tickEnd = System.nanoTime() + 20_000_000L; // leave the thread to subscriptions and other groups
        for (int budget = 1000; !f.ended && running; budget--) {
            if (budget == 0 || System.nanoTime() >= tickEnd) {
                return true;
            }
            if (f.next == null) {
                f.next = f.source.next();
                if (f.next == null) {
                    f.ended = true;
                    return false;
                }
            }
            if (f.startNanos < 0) {
                f.startNanos = System.nanoTime();
                f.firstStreamTime = f.next.streamTime90k();
            }
            if (f.speed > 0) {
                double dueNanos = (f.next.streamTime90k() - f.firstStreamTime) * (1e9 / 90_000.0) / f.speed;
                if (System.nanoTime() - f.startNanos < dueNanos) {
                    return false;
                }
            }
            publish(f, f.next);
            f.next = null;
            // key messages caused while publishing (a lapse found by the next tick) go first
            for (KeyMessage m : f.group.tick()) {
                send(f, LiveFrame.key(f.group.groupId(), ++f.frameSeq, m.encoded()));
            }
        }
        return false;
    }

    private void publish(Feed f, LiveChunk chunk) {
        f.window.put(chunk.chunkSeq(), chunk.mainBytes());
        if (!f.group.hasValidMembers()) {
            f.group.countChunk(false);
            return;
        }
        TrafficKey tek = f.group.currentTrafficKey();
        if (tek == null) {
            f.group.countChunk(false);
            return;
        }
        byte[] sealed;
        try {
            sealed = sealer.seal(
                    tek.key(), new ChunkAad(f.group.contentId(), tek.keyId(), chunk.chunkSeq()), chunk.record());
        } finally {
            SecretKeys.wipe(tek.key());
        }
        f.group.countChunk(true);
        send(f, LiveFrame.chunk(f.group.groupId(), ++f.frameSeq, chunk.chunkSeq(), tek.period(), sealed));
    }

    private void send(Feed f, LiveFrame frame) {
        f.replay.addLast(frame);
        while (f.replay.size() > f.group.policy().replayFrames()) {
            f.replay.removeFirst();
        }
        byte[] wire = ControlMessage.frame(frame);
        String groupId = f.group.groupId();
        List<Address> edges = new ArrayList<>();
        subscriptions.forEach((edge, groups) -> {
            if (groups.containsKey(groupId)) {
                edges.add(edge);
            }
        });
        for (Address edge : edges) {
            sendTo(f, edge, wire);
        }
    }

    private void sendTo(Feed f, Address edge, byte[] wire) {
        try {
            channel.send(new BytesMessage(edge, wire));
            f.group.countSent(1, wire.length);
            f.bytesThisSecond += wire.length;
        } catch (Exception e) {
            LOG.log(Level.WARNING, "cannot send to edge " + edge + ": " + e.getMessage());
        }
    }

    private void onSubscriptions(Address edge, Map<String, Long> wanted) {
        Map<String, Long> before = subscriptions.getOrDefault(edge, Map.of());
        if (wanted.isEmpty()) {
            subscriptions.remove(edge);
        } else {
            subscriptions.put(edge, new HashMap<>(wanted));
        }
        wanted.forEach((groupId, fromSeq) -> {
            Feed f = feeds.get(groupId);
            if (f != null && !before.containsKey(groupId) && fromSeq > 0) {
                for (LiveFrame frame : f.replay) {
                    if (frame.seq() >= fromSeq) {
                        sendTo(f, edge, ControlMessage.frame(frame));
                    }
                }
            }
        });
    }

    private void sayHello() {
        try {
            channel.send(new BytesMessage(null, ControlMessage.hello()));
        } catch (Exception e) {
            LOG.log(Level.WARNING, "cannot announce the publisher: " + e.getMessage());
        }
    }

    // --- JGroups callbacks (JGroups threads): handed to the publisher thread ---

    @Override
    public void receive(Message msg) {
        byte[] buf = msg.getArray();
        if (buf == null) {
            return;
        }
        try {
            int type = ControlMessage.type(buf, msg.getOffset(), msg.getLength());
            if (type == ControlMessage.SUBSCRIPTIONS) {
                Map<String, Long> wanted = ControlMessage.readSubscriptions(buf, msg.getOffset(), msg.getLength());
                Address edge = msg.getSrc();
                submit(() -> onSubscriptions(edge, wanted));
            }
        } catch (MalformedMessageException e) {
            LOG.log(Level.FINE, "ignored a malformed control message from " + msg.getSrc() + ": " + e.getMessage());
        }
    }

    @Override
    public void viewAccepted(View view) {
        Set<Address> members = new HashSet<>(view.getMembers());
        submit(() -> {
            subscriptions.keySet().removeIf(a -> !members.contains(a));
            sayHello();
        });
    }

    private void submit(Runnable task) {
        ScheduledExecutorService e = executor;
        if (e != null && running) {
            try {
                e.execute(task);
            } catch (java.util.concurrent.RejectedExecutionException ignored) {
                // stopping
            }
        }
    }

    /** For tests and benchmarks: runs {@code action} with each open group's feed state. */
    void forEachGroup(Consumer<MulticastGroup> action) {
        feeds.values().forEach(f -> action.accept(f.group));
    }
}

package org.splitcast.jgroups;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jgroups.Address;
import org.jgroups.BytesMessage;
import org.jgroups.JChannel;
import org.jgroups.Message;
import org.jgroups.Receiver;
import org.jgroups.View;
import org.splitcast.jgroups.SplitcastStacks.Transport;

/**
 * A channel of a test cluster with what it saw: every view installed and every message delivered,
 * with waits that have deadlines.
 */
final class TestNode implements Receiver, AutoCloseable {

    final String name;
    final JChannel channel;
    private final List<View> views = new ArrayList<>();
    private final BlockingQueue<String> delivered = new LinkedBlockingQueue<>();

    private TestNode(String name, JChannel channel) {
        this.name = name;
        this.channel = channel;
        channel.setName(name);
        channel.setReceiver(this);
    }

    /** A channel on {@code transport} with the given properties merged; not connected. */
    static TestNode create(String name, Transport transport, Map<String, String> network, Map<String, String> creds)
            throws Exception {
        Map<String, String> properties = new HashMap<>(network);
        properties.putAll(creds);
        return new TestNode(name, SplitcastStacks.newChannel(transport, properties));
    }

    TestNode connect(String cluster) throws Exception {
        channel.connect(cluster);
        return this;
    }

    Address address() {
        return channel.getAddress();
    }

    /** Multicasts {@code text} (UTF-8 bytes) to the cluster. */
    void send(String text) throws Exception {
        channel.send(new BytesMessage(null, text.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void viewAccepted(View view) {
        synchronized (views) {
            views.add(view);
            views.notifyAll();
        }
    }

    @Override
    public void receive(Message msg) {
        delivered.add(new String(msg.getArray(), msg.getOffset(), msg.getLength(), StandardCharsets.UTF_8));
    }

    /**
     * Waits until a view satisfying {@code condition} is installed; the latest view, or the last
     * seen if the deadline passes.
     */
    View awaitView(Predicate<View> condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (views) {
            while (true) {
                View current = channel.getView();
                if (current != null && condition.test(current)) {
                    return current;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return current;
                }
                views.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
    }

    /**
     * Waits up to {@code window} for a view satisfying {@code condition}; true if one was ever
     * installed here (including before the call).
     */
    boolean sawViewWithin(Predicate<View> condition, Duration window) throws InterruptedException {
        long deadline = System.nanoTime() + window.toNanos();
        synchronized (views) {
            while (true) {
                if (views.stream().anyMatch(condition)) {
                    return true;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                views.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
    }

    /** Every view installed so far. */
    List<View> views() {
        synchronized (views) {
            return List.copyOf(views);
        }
    }

    /** The next message delivered, or null if none comes within {@code timeout}. */
    String awaitMessage(Duration timeout) throws InterruptedException {
        return delivered.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        channel.close();
    }

    @Override
    public String toString() {
        return name + " " + channel.getView();
    }
}

package org.splitcast.multicast.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jgroups.JChannel;
import org.splitcast.jgroups.SplitcastStacks;
import org.splitcast.jgroups.SplitcastStacks.Transport;
import org.splitcast.jgroups.TestPki;

/**
 * A test cluster on 127.0.0.1 with the TCP stack of jgroups-config: a throw-away PKI, a unique
 * cluster name, and for each node a slot of three TCP ports inside 7900-7999 (transport 7900+i,
 * FD_SOCK2 7933+i, key exchange 7966+i, for i in 0..32), checked free when handed out.
 */
public final class LoopbackCluster {

    public static final String LOOPBACK = "127.0.0.1";
    static final int BASE = 7900;
    static final int SLOTS = 33;
    private static final Set<Integer> TAKEN = new HashSet<>();

    public final String clusterName = "splitcast-live-test-" + UUID.randomUUID();
    private final TestPki pki;
    private int coordinatorPort = -1;
    private final Set<Integer> slots = new HashSet<>();

    public LoopbackCluster(Path work) throws Exception {
        this.pki = new TestPki(work.resolve("pki-" + UUID.randomUUID()), "live-test");
    }

    /** The full property set of a new node (the first one named is the discovery host of all). */
    public Map<String, String> nodeProperties(String name, String unit) throws Exception {
        int slot = freeSlot();
        slots.add(slot);
        int port = BASE + slot;
        if (coordinatorPort < 0) {
            coordinatorPort = port;
        }
        Map<String, String> p = new HashMap<>(pki.nodeCredentials(name, unit));
        p.put(SplitcastStacks.BIND_ADDR, LOOPBACK);
        p.put(SplitcastStacks.BIND_PORT, Integer.toString(port));
        p.put(SplitcastStacks.PORT_RANGE, "0");
        p.put("splitcast.jgroups.fd_sock.offset", Integer.toString(SLOTS));
        p.put("splitcast.jgroups.fd_sock.port_range", "0");
        p.put(SplitcastStacks.KEY_EXCHANGE_PORT, Integer.toString(BASE + 2 * SLOTS + slot));
        p.put("splitcast.jgroups.key_exchange.port_range", "0");
        p.put(SplitcastStacks.INITIAL_HOSTS, LOOPBACK + "[" + coordinatorPort + "]");
        p.put(SplitcastStacks.TCPPING_PORT_RANGE, "0");
        p.put(SplitcastStacks.JOIN_TIMEOUT, "10s");
        p.put(SplitcastStacks.MAX_JOIN_ATTEMPTS, "6");
        p.put("splitcast.jgroups.discovery_runs", "3");
        p.put("splitcast.jgroups.view_ack_timeout", "1s");
        p.put(SplitcastStacks.FD_TIMEOUT, "6s");
        p.put(SplitcastStacks.FD_INTERVAL, "1s");
        p.put("splitcast.jgroups.verify_suspect.timeout", "500ms");
        p.put("splitcast.jgroups.merge.min_interval", "1s");
        p.put("splitcast.jgroups.merge.max_interval", "2s");
        p.put("splitcast.jgroups.thread_pool.max_threads", "20");
        p.put("splitcast.jgroups.xmit_interval", "200ms");
        return p;
    }

    /** A channel for a new node, not connected. */
    public JChannel newChannel(String name, String unit) throws Exception {
        JChannel channel = SplitcastStacks.newChannel(Transport.TCP, nodeProperties(name, unit));
        channel.setName(name);
        return channel;
    }

    /**
     * Hands this cluster's port slots back, once all its channels are closed (a benchmark that
     * makes clusters in rounds would run out of the 33 slots otherwise).
     */
    public void releasePorts() {
        synchronized (LoopbackCluster.class) {
            TAKEN.removeAll(slots);
        }
        slots.clear();
    }

    private static synchronized int freeSlot() {
        for (int slot = 0; slot < SLOTS; slot++) {
            if (TAKEN.contains(slot)) {
                continue;
            }
            if (free(BASE + slot) && free(BASE + SLOTS + slot) && free(BASE + 2 * SLOTS + slot)) {
                TAKEN.add(slot);
                return slot;
            }
        }
        throw new IllegalStateException("no free port slot in 7900-7999");
    }

    private static boolean free(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getByName(LOOPBACK))) {
            s.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}

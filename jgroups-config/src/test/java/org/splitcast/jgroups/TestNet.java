package org.splitcast.jgroups;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.splitcast.jgroups.SplitcastStacks.Transport;

/**
 * One test cluster on the loopback interface: a unique cluster name, free ports for each planned
 * node, for UDP a random multicast group kept on this host (ip_ttl=0), for TCP an initial_hosts
 * list naming every planned node, and short timeouts so that the tests stay fast.
 */
final class TestNet {

    static final String LOOPBACK = "127.0.0.1";

    final Transport transport;
    final String clusterName;
    private final List<Integer> bindPorts = new ArrayList<>();
    private final List<Integer> keyExchangePorts = new ArrayList<>();
    private final String mcastAddr;
    private final int mcastPort;

    TestNet(Transport transport, int plannedNodes) {
        this.transport = transport;
        this.clusterName = "splitcast-test-" + UUID.randomUUID();
        for (int i = 0; i < plannedNodes; i++) {
            bindPorts.add(transport == Transport.UDP ? freeUdpPort() : freeTcpPort());
            keyExchangePorts.add(freeTcpPort());
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        this.mcastAddr = "239.192." + random.nextInt(1, 255) + "." + random.nextInt(1, 255);
        this.mcastPort = freeUdpPort();
    }

    /** The group address of a UDP net. */
    String mcastAddr() {
        return mcastAddr;
    }

    /** The multicast port of a UDP net. */
    int mcastPort() {
        return mcastPort;
    }

    /** The network part of the properties of planned node {@code index}, plus fast timeouts. */
    Map<String, String> nodeProperties(int index) {
        Map<String, String> p = new HashMap<>();
        p.put(SplitcastStacks.BIND_ADDR, LOOPBACK);
        p.put(SplitcastStacks.BIND_PORT, Integer.toString(bindPorts.get(index)));
        p.put(SplitcastStacks.PORT_RANGE, "3");
        p.put(SplitcastStacks.KEY_EXCHANGE_PORT, Integer.toString(keyExchangePorts.get(index)));
        p.put("splitcast.jgroups.key_exchange.port_range", "0");
        if (transport == Transport.UDP) {
            p.put(SplitcastStacks.MCAST_ADDR, mcastAddr);
            p.put(SplitcastStacks.MCAST_PORT, Integer.toString(mcastPort));
            p.put(SplitcastStacks.IP_TTL, "0");
            p.put("splitcast.jgroups.udp.recv_buf_size", "500K");
            p.put("splitcast.jgroups.udp.send_buf_size", "200K");
        } else {
            p.put(
                    SplitcastStacks.INITIAL_HOSTS,
                    bindPorts.stream().map(port -> LOOPBACK + "[" + port + "]").collect(Collectors.joining(",")));
            p.put(SplitcastStacks.TCPPING_PORT_RANGE, "0");
        }
        p.put(SplitcastStacks.JOIN_TIMEOUT, "3s");
        p.put(SplitcastStacks.MAX_JOIN_ATTEMPTS, "3");
        p.put("splitcast.jgroups.discovery_runs", "1");
        p.put("splitcast.jgroups.view_ack_timeout", "1s");
        p.put(SplitcastStacks.FD_TIMEOUT, "4s");
        p.put(SplitcastStacks.FD_INTERVAL, "1s");
        p.put("splitcast.jgroups.verify_suspect.timeout", "500ms");
        p.put("splitcast.jgroups.merge.min_interval", "1s");
        p.put("splitcast.jgroups.merge.max_interval", "2s");
        p.put("splitcast.jgroups.thread_pool.max_threads", "20");
        return p;
    }

    private static int freeTcpPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freeUdpPort() {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.splitcast.jgroups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MulticastSocket;
import java.net.NetworkInterface;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.splitcast.jgroups.SplitcastStacks.Transport;

/**
 * udp.xml on 127.0.0.1 with IP multicast kept on this host (ip_ttl=0, a random group): the
 * contract, and a look at the datagrams themselves.
 */
class UdpStackTest extends SecureClusterContract {

    @Override
    Transport transport() {
        return Transport.UDP;
    }

    @Override
    boolean transportRequiresTrustedCertificate() {
        return false; // no TLS over UDP: AUTH and the key exchange do the work
    }

    @Test
    void multicastDatagramsDoNotCarryThePayloadInClear() throws Exception {
        String marker = "complementary-information-" + System.nanoTime();
        InetAddress group = InetAddress.getByName(net.mcastAddr());
        NetworkInterface loopback = NetworkInterface.getByInetAddress(InetAddress.getByName(TestNet.LOOPBACK));
        List<byte[]> datagrams = new ArrayList<>();
        try (MulticastSocket sniffer = new MulticastSocket(net.mcastPort())) {
            sniffer.joinGroup(new InetSocketAddress(group, net.mcastPort()), loopback);
            sniffer.setSoTimeout(300);

            central.send(marker);
            assertEquals(marker, edge.awaitMessage(DEADLINE), "the member decrypts it");

            // read what the group got until it has been quiet for 300 ms (bounded by DEADLINE)
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            byte[] buffer = new byte[65_536];
            while (System.nanoTime() < deadline) {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                try {
                    sniffer.receive(packet);
                } catch (SocketTimeoutException quiet) {
                    break;
                }
                datagrams.add(Arrays.copyOf(packet.getData(), packet.getLength()));
            }
            sniffer.leaveGroup(new InetSocketAddress(group, net.mcastPort()), loopback);
        }
        byte[] clusterName = net.clusterName.getBytes(StandardCharsets.UTF_8);
        assertTrue(
                datagrams.stream().anyMatch(d -> WireTap.Bytes.contains(d, clusterName)),
                "control: the sniffer saw this cluster's multicasts (" + datagrams.size() + " datagrams)");
        byte[] payload = marker.getBytes(StandardCharsets.UTF_8);
        assertFalse(
                datagrams.stream().anyMatch(d -> WireTap.Bytes.contains(d, payload)),
                "the payload is not in clear in any datagram");
    }
}

package org.splitcast.jgroups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jgroups.Address;
import org.jgroups.View;
import org.jgroups.protocols.ASYM_ENCRYPT;
import org.jgroups.stack.ProtocolStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.splitcast.jgroups.SplitcastStacks.Transport;

/**
 * What both stacks must do, run once per stack on 127.0.0.1: a central server and an edge node
 * (started once per class) form the cluster; each test adds a member or an intruder to it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SecureClusterContract {

    /** Upper bound for anything that should happen (views, messages); never waited for nothing. */
    static final Duration DEADLINE = Duration.ofSeconds(20);
    /**
     * How long an intruder is watched after its connect returned: more than two MERGE3 rounds and
     * a failure-detection timeout with the test settings (TestNet).
     */
    static final Duration WATCH = Duration.ofSeconds(3);

    TestPki ours;
    TestPki other;
    TestNet net;
    TestNode central;
    TestNode edge;
    private int nextNode = 2;

    abstract Transport transport();

    /** Whether the transport itself turns away a node whose certificate the cluster CA did not sign. */
    abstract boolean transportRequiresTrustedCertificate();

    @BeforeAll
    void startCentralServerAndEdgeNode() throws Exception {
        Path folder = Path.of("target", "test-pki", transport().name().toLowerCase(Locale.ROOT));
        ours = new TestPki(folder.resolve("ours"), "ours");
        other = new TestPki(folder.resolve("other"), "other");
        net = new TestNet(transport(), 12);
        Map<String, String> first = new HashMap<>(net.nodeProperties(0));
        first.put(SplitcastStacks.JOIN_TIMEOUT, "1s"); // nobody to find: do not wait long
        central = TestNode.create("central-1", transport(), first, ours.nodeCredentials("central-1", "central"));
        central.connect(net.clusterName);
        edge = TestNode.create("edge-1", transport(), net.nodeProperties(1), ours.nodeCredentials("edge-1", "edge"));
        edge.connect(net.clusterName);
    }

    @AfterAll
    void stop() {
        if (edge != null) {
            edge.close();
        }
        if (central != null) {
            central.close();
        }
    }

    @BeforeEach
    void clusterHasItsTwoMembers() throws InterruptedException {
        Set<Address> both = Set.of(central.address(), edge.address());
        assertEquals(both, members(central.awaitView(v -> members(v).equals(both), DEADLINE)));
        assertEquals(both, members(edge.awaitView(v -> members(v).equals(both), DEADLINE)));
    }

    @Test
    void membersWithTheClusterCredentialsFormOneViewAndExchangeMessages() throws Exception {
        try (TestNode second = member("edge-2", ours.nodeCredentials("edge-2", "edge"))) {
            second.connect(net.clusterName);
            Set<Address> three = Set.of(central.address(), edge.address(), second.address());
            View view = central.awaitView(v -> members(v).equals(three), DEADLINE);
            assertEquals(three, members(view), "the central server's view");
            assertEquals(
                    view.getViewId(),
                    edge.awaitView(v -> v.getViewId().equals(view.getViewId()), DEADLINE)
                            .getViewId());
            assertEquals(
                    view.getViewId(),
                    second.awaitView(v -> v.getViewId().equals(view.getViewId()), DEADLINE)
                            .getViewId());

            central.send("chunk 1 of group 7");
            assertEquals("chunk 1 of group 7", edge.awaitMessage(DEADLINE));
            assertEquals("chunk 1 of group 7", second.awaitMessage(DEADLINE));
            assertEquals("chunk 1 of group 7", central.awaitMessage(DEADLINE), "a multicast reaches its sender too");

            second.send("edge-2 subscribes to group 7");
            assertEquals("edge-2 subscribes to group 7", central.awaitMessage(DEADLINE));
            assertEquals("edge-2 subscribes to group 7", edge.awaitMessage(DEADLINE));
            assertEquals("edge-2 subscribes to group 7", second.awaitMessage(DEADLINE));
        }
    }

    @Test
    void groupKeyIsReplacedWhenAMemberLeaves() throws Exception {
        String shared;
        try (TestNode leaving = member("edge-3", ours.nodeCredentials("edge-3", "edge"))) {
            leaving.connect(net.clusterName);
            Predicate<View> three = v -> v.size() == 3;
            assertTrue(three.test(central.awaitView(three, DEADLINE)), "central: " + central.views());
            assertTrue(three.test(edge.awaitView(three, DEADLINE)), "edge: " + edge.views());
            assertTrue(three.test(leaving.awaitView(three, DEADLINE)), "joiner: " + leaving.views());
            shared = groupKeyVersion(central);
            assertNotNull(shared, "the coordinator has a group key");
            assertEquals(shared, groupKeyVersion(edge), "members share the group key");
            assertEquals(shared, groupKeyVersion(leaving), "a joiner fetches the current group key");
        }
        clusterHasItsTwoMembers();
        String after = groupKeyVersion(central);
        assertNotEquals(shared, after, "a new group key once a member has left");
        assertEquals(after, groupKeyVersion(edge), "the remaining member fetched the new key");
    }

    @Test
    void nodeWithAWrongJoinSecretIsRefused() throws Exception {
        String name = "intruder-wrong-secret";
        try (TestNode intruder = intruder(name, ours.credentialsWithJoinSecret(name, "not-the-join-secret"))) {
            SecurityException refused = assertThrows(SecurityException.class, () -> intruder.connect(net.clusterName));
            assertTrue(refused.getMessage().contains("authentication failed"), refused.getMessage());
            assertNeverAdmitted(name);
        }
    }

    @Test
    void nodeOfAnotherInstallationIsNeverAdmitted() throws Exception {
        String name = "intruder-other-installation";
        try (TestNode intruder = intruder(name, other.nodeCredentials(name, "edge"))) {
            connectIntruder(intruder);
            assertNeverAdmitted(name);
            assertNull(intruder.awaitMessage(Duration.ofMillis(200)));
        }
    }

    @Test
    void nodeWithTheJoinSecretButAnUntrustedCertificateNeverGetsTheGroupKey() throws Exception {
        String name = "intruder-untrusted-certificate";
        String keyBefore = groupKeyVersion(central);
        try (TestNode intruder = intruder(name, ours.credentialsWithCertificateOf(other, name))) {
            connectIntruder(intruder);
            if (transportRequiresTrustedCertificate()) {
                assertNeverAdmitted(name);
            }
            // On UDP, AUTH admits it (it holds the join credential) and it may stay in the
            // members' view (docs/jgroups.md, 3.2); what must hold on both stacks is below.
            central.send("chunk 2 of group 7");
            assertEquals("chunk 2 of group 7", edge.awaitMessage(DEADLINE), "members are not disturbed");
            assertEquals("chunk 2 of group 7", central.awaitMessage(DEADLINE));
            edge.send("edge-1 is still there");
            assertEquals("edge-1 is still there", central.awaitMessage(DEADLINE));
            assertEquals("edge-1 is still there", edge.awaitMessage(DEADLINE));
            assertNull(intruder.awaitMessage(Duration.ofMillis(500)), "it never delivered a message");
            // alone, it made a group key of its own; it never had the cluster's
            assertNotEquals(keyBefore, groupKeyVersion(intruder), "it never obtained the group key");
            assertNotEquals(groupKeyVersion(central), groupKeyVersion(intruder), "it never obtained the group key");
            assertFalse(
                    intruder.views().stream().anyMatch(v -> v.containsMember(central.address())),
                    "it never installed a view with the members: " + intruder.views());
            intruder.send("injected by the intruder");
            assertNull(central.awaitMessage(Duration.ofSeconds(1)), "what it sends is not delivered");
            assertNull(edge.awaitMessage(Duration.ZERO), "what it sends is not delivered");
        }
    }

    @Test
    void payloadsLeaveTheEncryptionLayerEncrypted() throws Exception {
        String marker = "complementary-information-" + System.nanoTime();
        try (TestNode tapped = member("edge-tapped", ours.nodeCredentials("edge-tapped", "edge"))) {
            WireTap above = new WireTap();
            WireTap below = new WireTap();
            ProtocolStack stack = tapped.channel.getProtocolStack();
            stack.insertProtocol(above, ProtocolStack.Position.ABOVE, ASYM_ENCRYPT.class);
            stack.insertProtocol(below, ProtocolStack.Position.BELOW, ASYM_ENCRYPT.class);
            tapped.connect(net.clusterName);
            central.awaitView(v -> v.size() == 3, DEADLINE);

            tapped.send(marker);
            assertEquals(marker, edge.awaitMessage(DEADLINE), "the member decrypts it");
            assertEquals(marker, central.awaitMessage(DEADLINE), "the coordinator decrypts it");
            assertTrue(above.sawInClear(marker), "control: above the encryption the payload is in clear");
            assertTrue(below.count() > 0, "control: messages went down through the tap");
            assertFalse(below.sawInClear(marker), "below the encryption the payload is not in clear");
        }
    }

    @Test
    void keyStoreWithAWrongPasswordStopsTheNodeAtCreation() throws Exception {
        Map<String, String> creds = new HashMap<>(ours.nodeCredentials("edge-wrong-password", "edge"));
        creds.put(SplitcastStacks.KEYSTORE_PASSWORD, "not-the-password");
        Exception e = assertThrows(Exception.class, () -> TestNode.create(
                        "edge-wrong-password", transport(), net.nodeProperties(nextNode++), creds)
                .close());
        assertFalse(e instanceof IllegalArgumentException, "a load failure, not a missing property: " + e);
    }

    // ---- helpers -------------------------------------------------------------------------

    TestNode member(String name, Map<String, String> creds) throws Exception {
        return TestNode.create(name, transport(), net.nodeProperties(nextNode++), creds);
    }

    /** A node expected to stay out: it gives up joining after 2 x 1 s. */
    TestNode intruder(String name, Map<String, String> creds) throws Exception {
        Map<String, String> network = new HashMap<>(net.nodeProperties(nextNode++));
        network.put(SplitcastStacks.JOIN_TIMEOUT, "1s");
        network.put(SplitcastStacks.MAX_JOIN_ATTEMPTS, "2");
        return TestNode.create(name, transport(), network, creds);
    }

    /**
     * Connects a node that should not get in: either it is refused (AUTH) or it ends up alone
     * after its join attempts.
     */
    void connectIntruder(TestNode intruder) throws Exception {
        try {
            intruder.connect(net.clusterName);
        } catch (SecurityException refused) {
            return;
        }
        View own = intruder.channel.getView();
        assertEquals(List.of(intruder.address()), own.getMembers(), "an intruder that is not refused is alone");
    }

    /** Neither member has installed, nor installs within WATCH, a view naming {@code name}. */
    void assertNeverAdmitted(String name) throws InterruptedException {
        Predicate<View> withIt = v -> names(v).contains(name);
        assertFalse(central.sawViewWithin(withIt, WATCH), "central server's views: " + central.views());
        assertFalse(edge.sawViewWithin(withIt, Duration.ZERO), "edge node's views: " + edge.views());
    }

    static String groupKeyVersion(TestNode node) {
        ASYM_ENCRYPT encrypt = node.channel.getProtocolStack().findProtocol(ASYM_ENCRYPT.class);
        return encrypt.secretKey() == null ? null : encrypt.version();
    }

    static Set<Address> members(View view) {
        return Set.copyOf(view.getMembers());
    }

    static Set<String> names(View view) {
        return view.getMembers().stream().map(Address::toString).collect(Collectors.toSet());
    }
}

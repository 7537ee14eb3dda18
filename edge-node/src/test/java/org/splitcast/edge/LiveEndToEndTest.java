package org.splitcast.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.splitcast.edge.testing.EdgeProcess;
import org.splitcast.edge.testing.LiveTerminal;
import org.splitcast.license.format.TerminalKey;
import org.splitcast.license.format.TerminalSecret;
import org.splitcast.multicast.auth.Challenge;
import org.splitcast.multicast.auth.SessionProof;
import org.splitcast.multicast.group.GroupPolicy;
import org.splitcast.multicast.group.MulticastGroup;
import org.splitcast.multicast.session.SessionGrant;
import org.splitcast.multicast.terminal.HttpCentralClient;
import org.splitcast.multicast.terminal.LiveApiException;
import org.splitcast.multicast.terminal.LiveClient;
import org.splitcast.multicast.testing.Await;
import org.splitcast.multicast.testing.TestCentral;
import org.splitcast.multicast.testing.TestMedia;

/**
 * One central server (in this JVM), two edge nodes (each its own JVM, started like
 * bin/splitcast-edge) and three terminals on the loopback interface, one live channel replayed at
 * twice its rate: byte-identical live output, a renewing member without a gap, a member that does
 * not renew and a revoked one locked out (their old keys tried on every later chunk), an edge
 * killed mid-stream and restarted without a lost chunk, and bad requests refused while the group
 * goes on.
 */
class LiveEndToEndTest {

    static final String GROUP = "live-news";

    static TestCentral central;
    static TestMedia.Separated media;
    static byte[] original;
    static EdgeProcess edgeA;
    static EdgeProcess edgeB;
    static int edgeAPort;
    static MulticastGroup group;

    /** A terminal registered with the central server under {@code id} and a fresh KT. */
    static LiveTerminal term(String id) {
        byte[] kt = TestCentral.CRYPTO.randomBytes(32);
        central.api.registerTerminal(id, new TerminalKey.Symmetric(kt.clone()));
        return new LiveTerminal(
                id, kt, central.api.baseUri(), GROUP, central.signer.verifier(), TestCentral.CRYPTO, original);
    }

    static LiveClient.Options options(boolean prolong) {
        return LiveTerminal.options(prolong, Duration.ofSeconds(4), Duration.ofSeconds(150));
    }

    static String edgeClassPath() {
        return System.getProperty("splitcast.edge.classes") + File.pathSeparator
                + System.getProperty("splitcast.edge.lib") + "/*";
    }

    @BeforeAll
    static void start() throws Exception {
        media = TestMedia.h264Aac(8);
        original = Files.readAllBytes(media.original());
        central = new TestCentral(TestMedia.WORK);
        GroupPolicy policy = GroupPolicy.defaults()
                .withKeyPeriod(Duration.ofSeconds(3))
                .withSessionLifetime(Duration.ofSeconds(8))
                .withOnRevoke(GroupPolicy.Effect.NEXT_PERIOD)
                .withReplayFrames(256);
        group = central.openGroup(GROUP, media, true, 2.0, policy);
        edgeAPort = freePort();
        String key = central.signer.verifier().toText();
        edgeA = EdgeProcess.start(
                TestMedia.WORK,
                "a",
                edgeClassPath(),
                central.cluster.nodeProperties("edge-a", "edge"),
                key,
                central.cluster.clusterName,
                edgeAPort);
        edgeB = EdgeProcess.start(
                TestMedia.WORK,
                "b",
                edgeClassPath(),
                central.cluster.nodeProperties("edge-b", "edge"),
                key,
                central.cluster.clusterName,
                0);
    }

    @AfterAll
    static void stop() throws Exception {
        if (edgeA != null) {
            edgeA.close();
        }
        if (edgeB != null) {
            edgeB.close();
        }
        if (central != null) {
            central.close();
        }
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    @Test
    void threeTerminalsTwoEdgesRenewalLapseRevocationAndAnEdgeRestart() throws Exception {
        LiveTerminal renewing = term("t-renewing");
        LiveTerminal lapsing = term("t-lapsing");
        LiveTerminal revoked = term("t-revoked");
        renewing.start(edgeA.uri(), options(true));
        revoked.start(edgeA.uri(), options(true));
        lapsing.start(edgeB.uri(), options(false));
        for (LiveTerminal t : List.of(renewing, lapsing, revoked)) {
            assertTrue(
                    Await.until(() -> t.chunks.size() >= 3, Duration.ofSeconds(60)),
                    t.describe()
                            + " metrics "
                            + central.publisher.metrics(GROUP) + "\nedge A:\n" + edgeA.log() + "\nedge B:\n"
                            + edgeB.log());
        }

        // revocation: effective from the next key period
        assertEquals(1, group.revokeTerminal("t-revoked"));
        Object revokedEnd = revoked.ended.get(30, TimeUnit.SECONDS);
        assertInstanceOf(LiveClient.SessionEndedException.class, revokedEnd, "revoked terminal: " + revokedEnd);

        // the member that does not renew lapses after 8 s; the group rekeys at once
        Object lapsedEnd = lapsing.ended.get(40, TimeUnit.SECONDS);
        assertInstanceOf(LiveClient.SessionEndedException.class, lapsedEnd, "lapsing terminal: " + lapsedEnd);

        // an edge killed mid-stream and restarted on the same address: no chunk lost
        int before = renewing.chunks.size();
        int warned = renewing.warnings.size();
        long killedAt = System.nanoTime();
        edgeA.kill();
        edgeA = EdgeProcess.start(
                TestMedia.WORK,
                "a2",
                edgeClassPath(),
                central.cluster.nodeProperties("edge-a2", "edge"),
                central.signer.verifier().toText(),
                central.cluster.clusterName,
                edgeAPort);
        assertTrue(
                Await.until(() -> renewing.chunks.size() >= before + 10, Duration.ofSeconds(120)),
                "the renewing terminal resumes after the edge restart (restarted in "
                        + (System.nanoTime() - killedAt) / 1_000_000 + " ms, alive " + edgeA.isAlive()
                        + "): " + renewing.warnings.subList(0, Math.min(3, renewing.warnings.size())) + " ended "
                        + renewing.ended.getNow(null) + "\nedge:\n" + edgeA.log());
        assertTrue(
                renewing.client().renewals.get() >= 1,
                "renewals: " + renewing.client().renewals.get());
        // it saw its edge go (a broken stream, or an edge that refused to connect); the reconnects
        // counter alone would miss a kill that falls on a renewal's reconnection
        assertTrue(renewing.warnings.size() > warned, "noticed the edge going: " + renewing.describe());
        assertEquals(0, renewing.client().gaps.get(), "gaps");

        // byte-identical live output, without a gap, for every terminal (up to where each stopped)
        renewing.client().close();
        renewing.ended.get(20, TimeUnit.SECONDS);
        renewing.assertLiveOutputIsTheOriginal();
        lapsing.assertLiveOutputIsTheOriginal();
        revoked.assertLiveOutputIsTheOriginal();

        // the departed terminals keep their old keys and try every later chunk
        revoked.assertLockedOut(GROUP, renewing.frames);
        lapsing.assertLockedOut(GROUP, renewing.frames);
    }

    @Test
    void badRequestsAreRefusedClearlyAndTheGroupGoesOn() throws Exception {
        LiveTerminal watcher = term("t-watcher");
        watcher.start(edgeB.uri(), options(true));
        assertTrue(Await.until(() -> watcher.chunks.size() >= 2, Duration.ofSeconds(60)), "watcher plays");
        HttpCentralClient api = new HttpCentralClient(central.api.baseUri(), Duration.ofSeconds(10));
        byte[] kt = TestCentral.CRYPTO.randomBytes(32);
        central.api.registerTerminal("t-intruder", new TerminalKey.Symmetric(kt.clone()));
        SessionProof proofs = new SessionProof(TestCentral.CRYPTO);

        // wrong proof: made with another key
        Challenge c1 = api.challenge("t-intruder");
        String wrong = proofs.prove(c1, GROUP, new TerminalSecret.Symmetric(TestCentral.CRYPTO.randomBytes(32)));
        LiveApiException e1 = assertThrows(
                LiveApiException.class, () -> api.openSession("t-intruder", GROUP, c1.challengeId(), wrong));
        assertEquals(401, e1.status());
        assertEquals("bad-proof", e1.code());

        // replayed challenge: a good proof, sent twice
        Challenge c2 = api.challenge("t-intruder");
        String good = proofs.prove(c2, GROUP, new TerminalSecret.Symmetric(kt.clone()));
        SessionGrant own = api.openSession("t-intruder", GROUP, c2.challengeId(), good);
        assertNotNull(own.ticket());
        LiveApiException e2 = assertThrows(
                LiveApiException.class, () -> api.openSession("t-intruder", GROUP, c2.challengeId(), good));
        assertEquals("unknown-challenge", e2.code());

        // renewal of someone else's session, with a valid proof of its own key
        String victim = watcher.client().grant().sessionId();
        Challenge c3 = api.challenge("t-intruder");
        LiveApiException e3 = assertThrows(
                LiveApiException.class,
                () -> api.renew(
                        victim,
                        "t-intruder",
                        c3.challengeId(),
                        proofs.prove(c3, GROUP, new TerminalSecret.Symmetric(kt.clone()))));
        assertEquals(403, e3.status());
        assertEquals("not-your-session", e3.code());

        // an edge refuses a forged ticket and a ticket for another group
        LiveApiException e4 = assertThrows(
                LiveApiException.class,
                () -> org.splitcast.multicast.terminal.EdgeStream.open(
                        edgeB.uri(), GROUP, own.ticket() + "x", -1, Duration.ofSeconds(5)));
        assertEquals(401, e4.status());
        LiveApiException e5 = assertThrows(
                LiveApiException.class,
                () -> org.splitcast.multicast.terminal.EdgeStream.open(
                        edgeB.uri(), "other-group", own.ticket(), -1, Duration.ofSeconds(5)));
        assertEquals(403, e5.status());

        int before = watcher.chunks.size();
        assertTrue(Await.until(() -> watcher.chunks.size() >= before + 3, Duration.ofSeconds(30)), "the group goes on");
        watcher.client().close();
        watcher.ended.get(20, TimeUnit.SECONDS);
        watcher.assertLiveOutputIsTheOriginal();
    }
}

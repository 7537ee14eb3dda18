package org.splitcast.edge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.splitcast.license.format.TerminalKey;
import org.splitcast.license.format.TerminalSecret;
import org.splitcast.multicast.auth.Challenge;
import org.splitcast.multicast.auth.SessionProof;
import org.splitcast.multicast.chunk.ChunkAad;
import org.splitcast.multicast.chunk.ChunkSealer;
import org.splitcast.multicast.chunk.DeflateAesGcmChunkSealer;
import org.splitcast.multicast.group.GroupPolicy;
import org.splitcast.multicast.group.MulticastGroup;
import org.splitcast.multicast.keys.KeyMessage;
import org.splitcast.multicast.keys.KeyRing;
import org.splitcast.multicast.relay.LiveFrame;
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

    /** A terminal under test: its client, what it wrote and what it saw. */
    static final class Term {
        final String id;
        final byte[] kt = TestCentral.CRYPTO.randomBytes(32);
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final List<long[]> chunks = new CopyOnWriteArrayList<>(); // {chunkSeq, mainOffset, length}
        final List<LiveFrame> frames = new CopyOnWriteArrayList<>();
        final List<String> warnings = new CopyOnWriteArrayList<>();
        final CompletableFuture<Object> ended = new CompletableFuture<>();
        LiveClient client;

        Term(String id) {
            this.id = id;
        }

        void start(URI edge, boolean prolong, Duration renewMargin) {
            central.api.registerTerminal(id, new TerminalKey.Symmetric(kt.clone()));
            client = new LiveClient(
                    new HttpCentralClient(central.api.baseUri(), Duration.ofSeconds(10)),
                    edge,
                    id,
                    new TerminalSecret.Symmetric(kt.clone()),
                    GROUP,
                    new DeflateAesGcmChunkSealer(TestCentral.CRYPTO),
                    central.signer.verifier(),
                    out,
                    LiveClient.Options.defaults()
                            .withProlong(prolong)
                            .withRenewMargin(renewMargin)
                            .withReconnectFor(Duration.ofSeconds(150)),
                    TestCentral.CRYPTO,
                    Clock.systemUTC(),
                    new LiveClient.Listener() {
                        @Override
                        public void frame(LiveFrame frame) {
                            frames.add(frame);
                        }

                        @Override
                        public void chunkWritten(long chunkSeq, long mainOffset, int length) {
                            chunks.add(new long[] {chunkSeq, mainOffset, length});
                        }

                        @Override
                        public void warning(String message) {
                            warnings.add(message);
                        }
                    });
            Thread t = new Thread(
                    () -> {
                        try {
                            ended.complete(client.run());
                        } catch (Exception e) {
                            ended.complete(e);
                        }
                    },
                    "terminal-" + id);
            t.setDaemon(true);
            t.start();
        }

        /** The output equals the original ranges of the chunks written, in order, without a gap. */
        void assertLiveOutputIsTheOriginal() {
            assertTrue(chunks.size() >= 3, id + " wrote " + chunks.size() + " chunks");
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            for (int i = 0; i < chunks.size(); i++) {
                long[] c = chunks.get(i);
                if (i > 0) {
                    assertEquals(chunks.get(i - 1)[0] + 1, c[0], id + ": chunk " + c[0] + " follows a gap");
                }
                expected.write(original, (int) c[1], (int) c[2]);
            }
            byte[] got = out.toByteArray();
            assertEquals(expected.size(), got.length, id + " output length");
            assertTrue(Arrays.equals(expected.toByteArray(), got), id + ": live output differs from the original");
        }
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
                central.cluster.nodeProperties("edge-a", "edge"),
                key,
                central.cluster.clusterName,
                edgeAPort);
        edgeB = EdgeProcess.start(
                TestMedia.WORK,
                "b",
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
        Term renewing = new Term("t-renewing");
        Term lapsing = new Term("t-lapsing");
        Term revoked = new Term("t-revoked");
        renewing.start(edgeA.uri, true, Duration.ofSeconds(4));
        revoked.start(edgeA.uri, true, Duration.ofSeconds(4));
        lapsing.start(edgeB.uri, false, Duration.ofSeconds(4));
        for (Term t : List.of(renewing, lapsing, revoked)) {
            assertTrue(
                    Await.until(() -> t.chunks.size() >= 3, Duration.ofSeconds(60)),
                    t.id + " plays: " + t.warnings + " ended " + t.ended.getNow(null) + " frames " + t.frames.size()
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
        long killedAt = System.nanoTime();
        edgeA.kill();
        edgeA = EdgeProcess.start(
                TestMedia.WORK,
                "a2",
                central.cluster.nodeProperties("edge-a2", "edge"),
                central.signer.verifier().toText(),
                central.cluster.clusterName,
                edgeAPort);
        assertTrue(
                Await.until(() -> renewing.chunks.size() >= before + 10, Duration.ofSeconds(120)),
                "the renewing terminal resumes after the edge restart (restarted in "
                        + (System.nanoTime() - killedAt) / 1_000_000 + " ms, alive " + edgeA.process.isAlive()
                        + "): " + renewing.warnings.subList(0, Math.min(3, renewing.warnings.size())) + " ended "
                        + renewing.ended.getNow(null) + "\nedge:\n" + edgeA.log());
        assertTrue(renewing.client.renewals.get() >= 1, "renewals: " + renewing.client.renewals.get());
        assertTrue(renewing.client.reconnects.get() >= 1, "reconnects: " + renewing.client.reconnects.get());
        assertEquals(0, renewing.client.gaps.get(), "gaps");

        // byte-identical live output, without a gap, for every terminal (up to where each stopped)
        renewing.client.close();
        renewing.ended.get(20, TimeUnit.SECONDS);
        renewing.assertLiveOutputIsTheOriginal();
        lapsing.assertLiveOutputIsTheOriginal();
        revoked.assertLiveOutputIsTheOriginal();

        // the departed terminals keep their old keys and try every later chunk
        assertLockedOut(revoked, renewing.frames, lastSeq(revoked));
        assertLockedOut(lapsing, renewing.frames, lastSeq(lapsing));
    }

    static long lastSeq(Term t) {
        return t.frames.stream()
                .filter(f -> f.type() == LiveFrame.Type.KEY || f.type() == LiveFrame.Type.CHUNK)
                .mapToLong(LiveFrame::seq)
                .max()
                .orElse(0);
    }

    /** Every chunk after {@code afterSeq} stays closed to the departed terminal's keys. */
    static void assertLockedOut(Term departed, List<LiveFrame> later, long afterSeq) throws Exception {
        KeyRing ring = departed.client.keyRing();
        ChunkSealer sealer = new DeflateAesGcmChunkSealer(TestCentral.CRYPTO);
        int tried = 0;
        for (LiveFrame f : later) {
            if (f.seq() <= afterSeq) {
                continue;
            }
            if (f.type() == LiveFrame.Type.KEY) {
                try {
                    ring.apply(KeyMessage.decode(f.payload(), central.signer.verifier()));
                } catch (Exception e) {
                    // a message it cannot use
                }
            } else if (f.type() == LiveFrame.Type.CHUNK) {
                tried++;
                assertNull(ring.trafficKey(f.tekPeriod()), departed.id + " holds the key of a later period");
                for (long p = Math.max(1, ring.newestPeriod() - 3); p <= ring.newestPeriod(); p++) {
                    byte[] old = ring.trafficKey(p);
                    if (old != null) {
                        long period = p;
                        assertThrows(
                                ChunkSealer.SealedChunkException.class,
                                () -> sealer.open(
                                        old, new ChunkAad(GROUP, "tek-" + period, f.chunkSeq()), f.payload()));
                        assertThrows(
                                ChunkSealer.SealedChunkException.class,
                                () -> sealer.open(
                                        old, new ChunkAad(GROUP, "tek-" + f.tekPeriod(), f.chunkSeq()), f.payload()));
                    }
                }
            }
        }
        assertTrue(tried >= 5, departed.id + ": only " + tried + " later chunks to try");
    }

    @Test
    void badRequestsAreRefusedClearlyAndTheGroupGoesOn() throws Exception {
        Term watcher = new Term("t-watcher");
        watcher.start(edgeB.uri, true, Duration.ofSeconds(4));
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
        String victim = watcher.client.grant().sessionId();
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
                        edgeB.uri, GROUP, own.ticket() + "x", -1, Duration.ofSeconds(5)));
        assertEquals(401, e4.status());
        LiveApiException e5 = assertThrows(
                LiveApiException.class,
                () -> org.splitcast.multicast.terminal.EdgeStream.open(
                        edgeB.uri, "other-group", own.ticket(), -1, Duration.ofSeconds(5)));
        assertEquals(403, e5.status());

        int before = watcher.chunks.size();
        assertTrue(Await.until(() -> watcher.chunks.size() >= before + 3, Duration.ofSeconds(30)), "the group goes on");
        watcher.client.close();
        watcher.ended.get(20, TimeUnit.SECONDS);
        watcher.assertLiveOutputIsTheOriginal();
        assertArrayEquals(new byte[0], new byte[0]);
    }
}

package org.splitcast.multicast.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.splitcast.license.format.TerminalKey;
import org.splitcast.license.format.TerminalSecret;
import org.splitcast.multicast.chunk.ChunkAad;
import org.splitcast.multicast.chunk.DeflateAesGcmChunkSealer;
import org.splitcast.multicast.group.GroupMetrics;
import org.splitcast.multicast.group.GroupPolicy;
import org.splitcast.multicast.group.MulticastGroup;
import org.splitcast.multicast.keys.KeyMessage;
import org.splitcast.multicast.keys.KeyRing;
import org.splitcast.multicast.relay.EdgeRelay;
import org.splitcast.multicast.relay.LiveFrame;
import org.splitcast.multicast.testing.Await;
import org.splitcast.multicast.testing.TestCentral;
import org.splitcast.multicast.testing.TestMedia;
import org.splitcast.separation.complementary.ComplementaryChunk;

/**
 * The publisher and two edge relays in one JVM on the loopback TCP stack: subscription decides
 * what reaches an edge (counted in bytes at the edge), a group without a valid key holder costs
 * nothing, and chunks in flight across rapid rekeys all open.
 */
class LivePublisherTest {

    private static TestCentral central;
    private static EdgeRelay edge1;
    private static EdgeRelay edge2;
    private static TestMedia.Separated media;

    @BeforeAll
    static void start() throws Exception {
        media = TestMedia.h264Aac(6);
        central = new TestCentral(TestMedia.WORK);
        edge1 = new EdgeRelay(central.cluster.newChannel("edge-1", "edge"), central.cluster.clusterName, 256);
        edge2 = new EdgeRelay(central.cluster.newChannel("edge-2", "edge"), central.cluster.clusterName, 256);
        edge1.start();
        edge2.start();
    }

    @AfterAll
    static void stop() {
        if (edge1 != null) {
            edge1.stop();
        }
        if (edge2 != null) {
            edge2.stop();
        }
        if (central != null) {
            central.close();
        }
    }

    private static KeyRing member(MulticastGroup group, String sessionId) throws Exception {
        byte[] kt = TestCentral.CRYPTO.randomBytes(32);
        MulticastGroup.Admission a =
                group.admit(sessionId, "terminal-" + sessionId, new TerminalKey.Symmetric(kt.clone()));
        byte[] sk = a.grant().openSessionKey(new TerminalSecret.Symmetric(kt), TestCentral.CRYPTO);
        KeyRing ring = new KeyRing(group.groupId(), sessionId, a.grant().leaf(), sk, 2, TestCentral.CRYPTO);
        ring.apply(KeyMessage.decode(a.grant().keyMessage(), central.signer.verifier()));
        return ring;
    }

    @Test
    void onlyTheSubscribedEdgeReceivesAGroupAndChunksAcrossRekeysAllOpen() throws Exception {
        MulticastGroup group = central.openGroup("ch-a", media, true, 8.0, GroupPolicy.defaults());
        KeyRing ring = member(group, "s1");
        EdgeRelay.Reader reader = edge1.open("ch-a", -1);
        assertTrue(Await.until(() -> central.publisher.subscribers("ch-a").size() == 1, Duration.ofSeconds(10)));

        DeflateAesGcmChunkSealer sealer = new DeflateAesGcmChunkSealer(TestCentral.CRYPTO);
        List<Long> opened = new ArrayList<>();
        int rekeys = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (opened.size() < 24 && System.nanoTime() < deadline) {
            LiveFrame f = reader.next(2000);
            assertNotNull(f, "no frame within 2 s");
            if (f.type() == LiveFrame.Type.KEY) {
                ring.apply(KeyMessage.decode(f.payload(), central.signer.verifier()));
            } else if (f.type() == LiveFrame.Type.CHUNK) {
                byte[] tek = ring.trafficKey(f.tekPeriod());
                assertNotNull(tek, "no key for chunk " + f.chunkSeq() + " of period " + f.tekPeriod());
                byte[] record =
                        sealer.open(tek, new ChunkAad("ch-a", "tek-" + f.tekPeriod(), f.chunkSeq()), f.payload());
                ComplementaryChunk.decode(record);
                opened.add(f.chunkSeq());
                // rekey at once, while the next chunks are already on their way
                group.rekeyNow();
                group.rekeyNow();
                rekeys += 2;
            } else {
                assertTrue(f.type() != LiveFrame.Type.GAP, "frames lost: " + f);
            }
        }
        assertEquals(24, opened.size(), "chunks opened");
        for (int i = 1; i < opened.size(); i++) {
            assertEquals(opened.get(i - 1) + 1, opened.get(i), "chunk numbers must follow each other");
        }
        GroupMetrics m = central.publisher.metrics("ch-a");
        assertTrue(m.rekeys() >= rekeys, "rekeys counted: " + m.rekeys());
        assertTrue(edge1.bytesReceived("ch-a") > 0);
        assertEquals(0, edge2.bytesReceived("ch-a"), "an edge without readers of the group received its frames");
        assertEquals(0, edge2.framesReceived("ch-a"));
        reader.close();
        assertTrue(Await.until(() -> central.publisher.subscribers("ch-a").isEmpty(), Duration.ofSeconds(10)));
        central.publisher.closeGroup("ch-a");
    }

    @Test
    void aGroupWithoutAValidKeyHolderPublishesNoChunk() throws Exception {
        GroupPolicy shortSessions = GroupPolicy.defaults().withSessionLifetime(Duration.ofSeconds(2));
        MulticastGroup group = central.openGroup("ch-b", media, true, 8.0, shortSessions);
        EdgeRelay.Reader reader = edge2.open("ch-b", -1);
        assertTrue(Await.until(() -> central.publisher.subscribers("ch-b").size() == 1, Duration.ofSeconds(10)));
        assertTrue(Await.until(() -> central.publisher.metrics("ch-b").chunksSkipped() >= 5, Duration.ofSeconds(20)));
        GroupMetrics idle = central.publisher.metrics("ch-b");
        assertEquals(0, idle.chunksPublished(), "chunks published to a group nobody may read");
        assertEquals(0, edge2.framesReceived("ch-b"), "frames sent for a group without key holders");

        member(group, "s2");
        assertTrue(Await.until(() -> central.publisher.metrics("ch-b").chunksPublished() > 0, Duration.ofSeconds(10)));
        // the session lapses (2 s, no renewal): publishing stops again
        assertTrue(Await.until(() -> group.memberCount() == 0, Duration.ofSeconds(10)));
        long published = central.publisher.metrics("ch-b").chunksPublished();
        long skippedBefore = central.publisher.metrics("ch-b").chunksSkipped();
        assertTrue(Await.until(
                () -> central.publisher.metrics("ch-b").chunksSkipped() >= skippedBefore + 5, Duration.ofSeconds(20)));
        assertEquals(published, central.publisher.metrics("ch-b").chunksPublished());
        reader.close();
        central.publisher.closeGroup("ch-b");
    }
}

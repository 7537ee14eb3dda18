package org.splitcast.multicast.terminal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.license.format.TerminalKey;
import org.splitcast.license.format.TerminalSecret;
import org.splitcast.multicast.auth.Challenge;
import org.splitcast.multicast.auth.InMemoryChallengeStore;
import org.splitcast.multicast.auth.SessionAuthenticator;
import org.splitcast.multicast.chunk.ChunkAad;
import org.splitcast.multicast.chunk.DeflateAesGcmChunkSealer;
import org.splitcast.multicast.group.GroupPolicy;
import org.splitcast.multicast.group.MulticastGroup;
import org.splitcast.multicast.keys.KeyMessage;
import org.splitcast.multicast.keys.LiveSigner;
import org.splitcast.multicast.keys.TrafficKey;
import org.splitcast.multicast.publish.LiveChunk;
import org.splitcast.multicast.publish.StoredStreamSource;
import org.splitcast.multicast.relay.LiveFrame;
import org.splitcast.multicast.session.SessionGrant;
import org.splitcast.multicast.testing.TestMedia;

/**
 * Bad input at the terminal: an edge that serves, among good frames, a key message that is not
 * one, a key message signed by another key and a chunk with altered bytes. The terminal counts and
 * skips each, and every good chunk still comes out as the original bytes; the altered chunk is
 * counted as lost (the output is no longer the original), and so are chunks that never arrive.
 */
class LiveClientBadInputTest {

    static final CryptoProvider CRYPTO = CryptoProvider.getDefault();

    /** What a run of the client against the fake edge gave. */
    record Outcome(
            LiveClient client,
            byte[] original,
            byte[] output,
            List<long[]> written,
            List<Long> goodChunks,
            List<Long> skipped,
            List<long[]> missing,
            List<String> warnings) {}

    @Test
    void malformedKeyMessagesAndAlteredChunksAreSkippedAndTheStreamGoesOn() throws Exception {
        Outcome o = watch(Set.of());
        assertEquals(3, o.client.malformed.get(), "skipped: " + o.warnings);
        assertEquals(o.goodChunks.size(), o.written.size());
        assertOutputIsTheOriginalWhereWritten(o);
        // the altered chunk 3 is lost: counted and reported, not only warned about
        assertEquals(1, o.client.chunksSkipped.get(), "skipped: " + o.warnings);
        assertEquals(List.of(3L), o.skipped);
        assertEquals(0, o.client.chunksMissing.get(), "missing: " + o.warnings);
        assertEquals(1, o.client.chunksLost());
    }

    @Test
    void chunksThatNeverArriveAreCountedAsMissing() throws Exception {
        // chunk 1 vanished without a word; the edge's window lost chunk 4 (a GAP frame in its place)
        Outcome o = watch(Set.of(1L, 4L));
        assertEquals(1, o.client.gaps.get(), "warnings: " + o.warnings);
        assertEquals(2, o.client.chunksMissing.get(), "warnings: " + o.warnings);
        assertEquals(2, o.missing.size());
        assertArrayEquals(new long[] {1, 1}, o.missing.get(0));
        assertArrayEquals(new long[] {4, 4}, o.missing.get(1));
        assertEquals(List.of(3L), o.skipped);
        assertEquals(3, o.client.chunksLost());
        assertEquals(o.goodChunks.size(), o.written.size());
        assertOutputIsTheOriginalWhereWritten(o);
    }

    private static void assertOutputIsTheOriginalWhereWritten(Outcome o) {
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (long[] w : o.written) {
            expected.write(o.original, (int) w[1], (int) w[2]);
        }
        assertArrayEquals(expected.toByteArray(), o.output);
    }

    /** Runs a client against a fake edge serving the frames of {@link #buildFrames}. */
    static Outcome watch(Set<Long> dropped) throws Exception {
        TestMedia.Separated media = TestMedia.h264Aac(6);
        byte[] original = Files.readAllBytes(media.original());
        LiveSigner signer = LiveSigner.generate("live", CRYPTO);
        SessionAuthenticator auth = new SessionAuthenticator(
                new InMemoryChallengeStore(10, Clock.systemUTC()), Duration.ofMinutes(1), Clock.systemUTC(), CRYPTO);
        MulticastGroup group = new MulticastGroup("g", "g", GroupPolicy.defaults(), signer, CRYPTO, Clock.systemUTC());
        byte[] kt = CRYPTO.randomBytes(32);
        TerminalKey registered = new TerminalKey.Symmetric(kt.clone());
        Map<Long, byte[]> mains = new HashMap<>();
        List<LiveFrame> frames = new ArrayList<>();
        List<Long> goodChunks = new ArrayList<>();

        CentralApi central = new CentralApi() {
            @Override
            public Challenge challenge(String terminalId) {
                return auth.issue(terminalId);
            }

            @Override
            public SessionGrant openSession(String terminalId, String contentId, String challengeId, String proof)
                    throws LiveApiException {
                try {
                    auth.authenticate(terminalId, contentId, challengeId, proof, registered);
                    SessionGrant grant =
                            group.admit("s1", terminalId, registered).grant();
                    buildFrames(group, media, signer, mains, frames, goodChunks, dropped);
                    return grant;
                } catch (Exception e) {
                    throw new LiveApiException(401, null, e.getMessage());
                }
            }

            @Override
            public SessionGrant renew(String s, String t, String c, String p) throws LiveApiException {
                throw new LiveApiException(404, null, "no renewal here");
            }

            @Override
            public void leave(String s, String t, String c, String p) {}

            @Override
            public byte[] keyPath(String s, String t) throws LiveApiException {
                throw new LiveApiException(404, null, "no key path here");
            }

            @Override
            public byte[] mainRange(String groupId, long chunkSeq) throws LiveApiException {
                byte[] m = mains.get(chunkSeq);
                if (m == null) {
                    throw new LiveApiException(404, null, "not in window");
                }
                return m.clone();
            }
        };

        HttpServer edge = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
        edge.createContext("/", ex -> {
            String q = ex.getRequestURI().getQuery();
            long after = q == null ? -1 : Long.parseLong(q.substring("after=".length()));
            if (after >= frames.size()) {
                ex.sendResponseHeaders(503, -1); // nothing more: the client gives up after reconnectFor
                ex.close();
                return;
            }
            ex.sendResponseHeaders(200, 0);
            DataOutputStream out = new DataOutputStream(ex.getResponseBody());
            for (LiveFrame f : frames) {
                if (f.seq() > after) {
                    byte[] b = f.encode();
                    out.writeInt(b.length);
                    out.write(b);
                }
            }
            out.close();
        });
        edge.start();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        List<long[]> written = new CopyOnWriteArrayList<>();
        List<String> warnings = new CopyOnWriteArrayList<>();
        List<Long> skipped = new CopyOnWriteArrayList<>();
        List<long[]> missing = new CopyOnWriteArrayList<>();
        LiveClient client = new LiveClient(
                central,
                URI.create("http://127.0.0.1:" + edge.getAddress().getPort()),
                "t1",
                new TerminalSecret.Symmetric(kt.clone()),
                "g",
                new DeflateAesGcmChunkSealer(CRYPTO),
                signer.verifier(),
                output,
                LiveClient.Options.defaults().withReconnectFor(Duration.ofSeconds(1)),
                CRYPTO,
                Clock.systemUTC(),
                new LiveClient.Listener() {
                    @Override
                    public void chunkWritten(long chunkSeq, long mainOffset, int length) {
                        written.add(new long[] {chunkSeq, mainOffset, length});
                    }

                    @Override
                    public void warning(String message) {
                        warnings.add(message);
                    }

                    @Override
                    public void chunkSkipped(long chunkSeq, String reason) {
                        skipped.add(chunkSeq);
                    }

                    @Override
                    public void chunksMissing(long firstChunkSeq, long lastChunkSeq) {
                        missing.add(new long[] {firstChunkSeq, lastChunkSeq});
                    }
                });
        try {
            client.run();
        } catch (LiveApiException expected) {
            // the fake edge closes the stream after the frames; reconnecting then fails
        } finally {
            edge.stop(0);
        }
        return new Outcome(client, original, output.toByteArray(), written, goodChunks, skipped, missing, warnings);
    }

    /**
     * Key frames, sealed chunks, and three bad frames among them; the chunks in {@code dropped}
     * are left out (after chunk 4, a GAP frame naming the next frame, as an edge whose window lost
     * it sends).
     */
    static void buildFrames(
            MulticastGroup group,
            TestMedia.Separated media,
            LiveSigner signer,
            Map<Long, byte[]> mains,
            List<LiveFrame> frames,
            List<Long> goodChunks,
            Set<Long> dropped)
            throws Exception {
        DeflateAesGcmChunkSealer sealer = new DeflateAesGcmChunkSealer(CRYPTO);
        long seq = 0;
        for (KeyMessage m : group.tick()) {
            frames.add(LiveFrame.key("g", ++seq, m.encoded()));
        }
        try (StoredStreamSource source = new StoredStreamSource(media.main(), media.complementary(), false)) {
            LiveChunk c;
            while ((c = source.next()) != null) {
                mains.put(c.chunkSeq(), c.mainBytes());
                TrafficKey tek = group.currentTrafficKey();
                byte[] sealed = sealer.seal(tek.key(), new ChunkAad("g", tek.keyId(), c.chunkSeq()), c.record());
                if (c.chunkSeq() == 2) {
                    frames.add(LiveFrame.key("g", ++seq, new byte[] {1, 2, 3}));
                    KeyMessage forged = KeyMessage.create(
                            KeyMessage.Kind.REKEY,
                            "g",
                            99,
                            0,
                            tek.period(),
                            null,
                            List.of(),
                            LiveSigner.generate("live", CRYPTO));
                    frames.add(LiveFrame.key("g", ++seq, forged.encoded()));
                }
                if (dropped.contains(c.chunkSeq())) {
                    seq++; // a frame the edge no longer has
                    if (c.chunkSeq() == 4) { // the window lost it: GAP names the next frame
                        frames.add(LiveFrame.control(LiveFrame.Type.GAP, "g", seq + 1));
                    }
                } else if (c.chunkSeq() == 3) {
                    byte[] altered = sealed.clone();
                    altered[altered.length / 2] ^= 1;
                    frames.add(LiveFrame.chunk("g", ++seq, c.chunkSeq(), tek.period(), altered));
                } else {
                    frames.add(LiveFrame.chunk("g", ++seq, c.chunkSeq(), tek.period(), sealed));
                    goodChunks.add(c.chunkSeq());
                }
            }
        }
    }
}

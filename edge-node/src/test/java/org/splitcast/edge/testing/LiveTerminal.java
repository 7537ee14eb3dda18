package org.splitcast.edge.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.license.format.TerminalSecret;
import org.splitcast.multicast.chunk.ChunkAad;
import org.splitcast.multicast.chunk.ChunkSealer;
import org.splitcast.multicast.chunk.DeflateAesGcmChunkSealer;
import org.splitcast.multicast.keys.KeyMessage;
import org.splitcast.multicast.keys.KeyRing;
import org.splitcast.multicast.keys.LiveVerifier;
import org.splitcast.multicast.relay.LiveFrame;
import org.splitcast.multicast.terminal.HttpCentralClient;
import org.splitcast.multicast.terminal.LiveClient;

/**
 * A terminal under test: the terminal SDK's live client on its own thread, with what it wrote and
 * what it saw, and the checks the live tests make on it (its output is the original, without a
 * gap; the keys it kept after it left open no later chunk). Shared by edge-node's tests and
 * arquillian-tests' live ITs.
 */
public final class LiveTerminal {

    private final String id;
    private final byte[] kt;
    private final URI central;
    private final String contentId;
    private final LiveVerifier verifier;
    private final CryptoProvider crypto;
    private final byte[] original;

    /** What the client wrote: the rebuilt original stream. */
    public final ByteArrayOutputStream out = new ByteArrayOutputStream();
    /** {chunkSeq, mainOffset, length} of each chunk written, in order. */
    public final List<long[]> chunks = new CopyOnWriteArrayList<>();
    /** Every frame the edge sent it (KEY, CHUNK, HEARTBEAT, GAP). */
    public final List<LiveFrame> frames = new CopyOnWriteArrayList<>();

    public final List<String> warnings = new CopyOnWriteArrayList<>();
    /** How {@link LiveClient#run()} ended: its result or its exception. */
    public final CompletableFuture<Object> ended = new CompletableFuture<>();

    private volatile LiveClient client;

    /**
     * @param kt the terminal's registered AES key KT (copied)
     * @param central the central server's base URI
     * @param original the stream the live channel replays, to compare the output with
     */
    public LiveTerminal(
            String id,
            byte[] kt,
            URI central,
            String contentId,
            LiveVerifier verifier,
            CryptoProvider crypto,
            byte[] original) {
        this.id = id;
        this.kt = kt.clone();
        this.central = central;
        this.contentId = contentId;
        this.verifier = verifier;
        this.crypto = crypto;
        this.original = original;
    }

    public String id() {
        return id;
    }

    /** The running client (null before {@link #start}). */
    public LiveClient client() {
        return client;
    }

    /**
     * The client's options of the live tests: renews {@code renewMargin} before its SK lapses (if
     * {@code prolong}), and keeps reconnecting to its edge for {@code reconnectFor}.
     */
    public static LiveClient.Options options(boolean prolong, Duration renewMargin, Duration reconnectFor) {
        return LiveClient.Options.defaults()
                .withProlong(prolong)
                .withRenewMargin(renewMargin)
                .withReconnectFor(reconnectFor);
    }

    /** Opens its session and plays through {@code edge} on a daemon thread. */
    public void start(URI edge, LiveClient.Options options) {
        client = new LiveClient(
                new HttpCentralClient(central, Duration.ofSeconds(15)),
                edge,
                id,
                new TerminalSecret.Symmetric(kt.clone()),
                contentId,
                new DeflateAesGcmChunkSealer(crypto),
                verifier,
                out,
                options,
                crypto,
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
        LiveClient started = client;
        Thread t = new Thread(
                () -> {
                    try {
                        ended.complete(started.run());
                    } catch (Exception e) {
                        ended.complete(e);
                    }
                },
                "terminal-" + id);
        t.setDaemon(true);
        t.start();
    }

    /** Its state for an assertion message. */
    public String describe() {
        return id + ": " + chunks.size() + " chunks, " + frames.size() + " frames, warnings "
                + warnings.subList(0, Math.min(5, warnings.size())) + ", ended " + ended.getNow(null);
    }

    /**
     * The output equals the original ranges of the chunks written, in order, without a gap in the
     * chunk numbers.
     *
     * @return the bytes compared
     */
    public long assertLiveOutputIsTheOriginal() {
        assertTrue(chunks.size() >= 3, id + " wrote " + chunks.size() + " chunks");
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (int i = 0; i < chunks.size(); i++) {
            long[] c = chunks.get(i);
            if (i > 0) {
                assertEquals(
                        chunks.get(i - 1)[0] + 1,
                        c[0],
                        id + ": chunk " + c[0] + " follows a gap; warnings about chunks and keys: "
                                + warnings.stream()
                                        .filter(w -> w.startsWith("chunk") || w.contains("key"))
                                        .limit(20)
                                        .toList());
            }
            expected.write(original, (int) c[1], (int) c[2]);
        }
        // the client's own count agrees: a whole output, no chunk counted as skipped or missing
        assertEquals(
                0,
                client().chunksLost(),
                id + ": the client counted " + client().chunksSkipped.get() + " skipped and "
                        + client().chunksMissing.get() + " missing chunks: "
                        + warnings.stream()
                                .filter(w -> w.startsWith("chunk"))
                                .limit(20)
                                .toList());
        byte[] got = out.toByteArray();
        assertEquals(expected.size(), got.length, id + " output length");
        assertTrue(Arrays.equals(expected.toByteArray(), got), id + ": live output differs from the original");
        return got.length;
    }

    /** The seq of the last KEY or CHUNK frame it received (0 if none). */
    public long lastSeq() {
        return frames.stream()
                .filter(f -> f.type() == LiveFrame.Type.KEY || f.type() == LiveFrame.Type.CHUNK)
                .mapToLong(LiveFrame::seq)
                .max()
                .orElse(0);
    }

    /**
     * Every chunk of {@code later} (frames another member received) sealed under a key period newer
     * than the newest this terminal held when it stopped stays closed to the keys it kept, even
     * after it applied every later key message. Chunks of the period it held may follow its last
     * frame (sealed before the group rekeyed: the edge may close the stream at the lapse a moment
     * before the publisher finds it, and a revocation takes effect from the next period): those are
     * its own to open and are not tried.
     *
     * @return how many later chunks were tried (at least 5)
     */
    public int assertLockedOut(String groupId, List<LiveFrame> later) throws Exception {
        long afterSeq = lastSeq();
        KeyRing ring = client.keyRing();
        long heldPeriod = ring.newestPeriod();
        ChunkSealer sealer = new DeflateAesGcmChunkSealer(crypto);
        int tried = 0;
        int ownAfterLast = 0;
        for (LiveFrame f : later) {
            if (f.seq() <= afterSeq) {
                continue;
            }
            if (f.type() == LiveFrame.Type.CHUNK && f.tekPeriod() <= heldPeriod) {
                ownAfterLast++;
            }
            if (f.type() == LiveFrame.Type.KEY) {
                try {
                    ring.apply(KeyMessage.decode(f.payload(), verifier));
                } catch (Exception e) {
                    // a message it cannot use
                }
            } else if (f.type() == LiveFrame.Type.CHUNK && f.tekPeriod() > heldPeriod) {
                tried++;
                assertNull(
                        ring.trafficKey(f.tekPeriod()),
                        id + " holds the key of period " + f.tekPeriod() + " (chunk " + f.chunkSeq()
                                + "), after it left holding period " + heldPeriod);
                for (long p = Math.max(1, ring.newestPeriod() - 3); p <= ring.newestPeriod(); p++) {
                    byte[] old = ring.trafficKey(p);
                    if (old != null) {
                        long period = p;
                        assertThrows(
                                ChunkSealer.SealedChunkException.class,
                                () -> sealer.open(
                                        old, new ChunkAad(groupId, "tek-" + period, f.chunkSeq()), f.payload()));
                        assertThrows(
                                ChunkSealer.SealedChunkException.class,
                                () -> sealer.open(
                                        old, new ChunkAad(groupId, "tek-" + f.tekPeriod(), f.chunkSeq()), f.payload()));
                    }
                }
            }
        }
        assertTrue(tried >= 5, id + ": only " + tried + " later chunks to try");
        System.out.printf(
                "%s: %d later chunks of newer periods tried, none opened; %d chunks of its own period %d"
                        + " followed its last frame%n",
                id, tried, ownAfterLast, heldPeriod);
        return tried;
    }
}

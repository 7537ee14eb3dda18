package org.splitcast.multicast.terminal;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.crypto.SecretKeys;
import org.splitcast.license.format.TerminalKeyWrapping;
import org.splitcast.license.format.TerminalSecret;
import org.splitcast.multicast.auth.AuthenticationException;
import org.splitcast.multicast.auth.Challenge;
import org.splitcast.multicast.auth.SessionProof;
import org.splitcast.multicast.chunk.ChunkAad;
import org.splitcast.multicast.chunk.ChunkSealer;
import org.splitcast.multicast.keys.KeyMessage;
import org.splitcast.multicast.keys.KeyRing;
import org.splitcast.multicast.keys.LiveVerifier;
import org.splitcast.multicast.relay.LiveFrame;
import org.splitcast.multicast.session.SessionGrant;
import org.splitcast.multicast.wire.MalformedMessageException;
import org.splitcast.separation.StreamRebuilder;
import org.splitcast.separation.complementary.ComplementaryChunk;
import org.splitcast.separation.complementary.ComplementaryException;

/**
 * The terminal's live client (claims 2, 3, 7 and 8; docs/live.md §7): authenticates to the
 * central server, gets its session key, joins the group through its edge node, unwraps each key
 * period's traffic key, opens each chunk, puts it back into the public main stream and writes the
 * original transport stream, live. It renews its session key before it lapses (unless told not
 * to), resumes from the last frame it had when the edge connection breaks, and asks the server
 * for its key path when it missed key messages. A malformed key message is counted and skipped; the
 * stream goes on. A chunk that cannot be written (altered, sealed under a key period already
 * dropped, its main-stream range gone) or never arrives (a hole in the chunk sequence, after a GAP
 * for instance) means the output is no longer the original: each is counted ({@link #chunksLost()})
 * and reported to the {@link Listener}, so that the caller can say so and fail.
 */
public final class LiveClient implements AutoCloseable {

    /**
     * @param prolong renew the session key before it lapses
     * @param renewMargin renew this long before the expiry
     * @param overlapPeriods traffic keys of how many key periods to keep
     * @param edgeSilence an edge connection silent this long is dead
     * @param reconnectFor keep trying to reconnect to the edge this long
     */
    public record Options(
            boolean prolong, Duration renewMargin, int overlapPeriods, Duration edgeSilence, Duration reconnectFor) {

        public static Options defaults() {
            return new Options(true, Duration.ofSeconds(30), 2, Duration.ofSeconds(5), Duration.ofSeconds(30));
        }

        public Options withProlong(boolean p) {
            return new Options(p, renewMargin, overlapPeriods, edgeSilence, reconnectFor);
        }

        public Options withRenewMargin(Duration d) {
            return new Options(prolong, d, overlapPeriods, edgeSilence, reconnectFor);
        }

        public Options withReconnectFor(Duration d) {
            return new Options(prolong, renewMargin, overlapPeriods, edgeSilence, d);
        }
    }

    /** What the client reports as it goes; every method has an empty default. */
    public interface Listener {
        /** The session was opened or renewed. */
        default void session(SessionGrant grant, boolean renewal) {}

        /** Every frame received from the edge, before it is handled (for taps and tests). */
        default void frame(LiveFrame frame) {}

        /** A chunk was rebuilt: its range of the original stream was written. */
        default void chunkWritten(long chunkSeq, long mainOffset, int length) {}

        /** Something was skipped or retried; the stream goes on. */
        default void warning(String message) {}

        /**
         * A chunk arrived but was not written (altered, sealed under a key period already dropped,
         * its main-stream range unavailable): its range of the original is missing from the output.
         */
        default void chunkSkipped(long chunkSeq, String reason) {}

        /**
         * Chunks {@code firstChunkSeq..lastChunkSeq} never arrived (a hole in the chunk sequence, as
         * after a GAP): their ranges of the original are missing from the output.
         */
        default void chunksMissing(long firstChunkSeq, long lastChunkSeq) {}
    }

    /** Why {@link #run()} ended without an error. */
    public enum End {
        /** {@link #close()} was called. */
        CLOSED,
        /** The edge ended the stream and the server says the session is over. */
        STREAM_ENDED
    }

    /** The session ended for good (lapsed, left, revoked) or the server refused it. */
    public static final class SessionEndedException extends Exception {

        private static final long serialVersionUID = 1L;

        public SessionEndedException(String message) {
            super(message);
        }
    }

    private final CentralApi central;
    private final URI edge;
    private final String terminalId;
    private final TerminalSecret secret;
    private final String contentId;
    private final ChunkSealer sealer;
    private final OutputStream out;
    private final Options options;
    private final LiveVerifier verifier;
    private final CryptoProvider crypto;
    private final Clock clock;
    private final Listener listener;
    private final SessionProof proofs;

    private volatile boolean closed;
    private volatile EdgeStream current;
    private SessionGrant grant;
    private KeyRing ring;
    private long cursor = -1;
    /** The chunk expected next (-1 before the first): a chunk beyond it reveals a hole. */
    private long nextChunkSeq = -1;

    public final AtomicLong chunksWritten = new AtomicLong();
    public final AtomicLong bytesWritten = new AtomicLong();
    public final AtomicLong keyMessages = new AtomicLong();
    public final AtomicLong malformed = new AtomicLong();
    public final AtomicLong reconnects = new AtomicLong();
    public final AtomicLong renewals = new AtomicLong();
    public final AtomicLong gaps = new AtomicLong();
    /** Chunks received but not written (see {@link Listener#chunkSkipped}). */
    public final AtomicLong chunksSkipped = new AtomicLong();
    /** Chunks never received: holes in the chunk sequence (see {@link Listener#chunksMissing}). */
    public final AtomicLong chunksMissing = new AtomicLong();

    public LiveClient(
            CentralApi central,
            URI edge,
            String terminalId,
            TerminalSecret secret,
            String contentId,
            ChunkSealer sealer,
            LiveVerifier verifier,
            OutputStream out,
            Options options,
            CryptoProvider crypto,
            Clock clock,
            Listener listener) {
        this.central = Objects.requireNonNull(central, "central");
        this.edge = Objects.requireNonNull(edge, "edge");
        this.terminalId = Objects.requireNonNull(terminalId, "terminalId");
        this.secret = Objects.requireNonNull(secret, "secret");
        this.contentId = Objects.requireNonNull(contentId, "contentId");
        this.sealer = Objects.requireNonNull(sealer, "sealer");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.out = Objects.requireNonNull(out, "out");
        this.options = Objects.requireNonNull(options, "options");
        this.crypto = Objects.requireNonNull(crypto, "crypto");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = listener == null ? new Listener() {} : listener;
        this.proofs = new SessionProof(crypto);
    }

    /**
     * The client's key ring (null before the session opened): for diagnostics and for tests that
     * check what a terminal can still read after it left the group.
     */
    public synchronized KeyRing keyRing() {
        return ring;
    }

    /**
     * Chunks whose range of the original is missing from the output: skipped plus never received.
     * Zero means the output is the original's range from the first chunk written to the last.
     */
    public long chunksLost() {
        return chunksSkipped.get() + chunksMissing.get();
    }

    /** The current grant (null before the session opened). */
    public synchronized SessionGrant grant() {
        return grant;
    }

    /**
     * Opens the session and plays until closed or until the session ends.
     *
     * @throws SessionEndedException when the session lapses, is revoked, or the server refuses
     * @throws LiveApiException when the server or the edge stays unreachable
     * @throws IOException when the output cannot be written
     */
    public End run() throws SessionEndedException, LiveApiException, IOException {
        open(false);
        Instant reconnectDeadline = null;
        while (!closed) {
            maybeRenew(false); // also while the edge is unreachable: the session must not lapse meanwhile
            EdgeStream stream;
            try {
                stream = EdgeStream.open(edge, grant.groupId(), grant.ticket(), cursor, options.edgeSilence());
            } catch (LiveApiException e) {
                listener.warning("cannot open the edge stream: " + e.getMessage());
                if (e.status() == 401 && !options.prolong()) {
                    throw new SessionEndedException("the session has lapsed: " + e.getMessage());
                }
                if (e.status() == 401 || e.status() == 403) {
                    maybeRenew(true);
                    if (e.status() == 403) {
                        throw new SessionEndedException("the edge refuses this session: " + e.getMessage());
                    }
                }
                reconnectDeadline = waitBeforeReconnect(reconnectDeadline, e);
                continue;
            }
            current = stream;
            try {
                reconnectDeadline = null;
                if (pump(stream)) {
                    continue; // reconnect with a renewed ticket
                }
                if (closed) {
                    break;
                }
                listener.warning("the edge closed the stream; reconnecting");
            } catch (IOException | MalformedMessageException e) {
                if (closed) {
                    break;
                }
                listener.warning("edge connection lost (" + e.getMessage() + "); resuming after frame " + cursor);
                reconnectDeadline =
                        waitBeforeReconnect(reconnectDeadline, new LiveApiException(0, null, e.getMessage()));
            } finally {
                stream.close();
                current = null;
            }
            reconnects.incrementAndGet();
        }
        return End.CLOSED;
    }

    private Instant waitBeforeReconnect(Instant deadline, LiveApiException cause) throws LiveApiException {
        Instant now = clock.instant();
        if (deadline == null) {
            deadline = now.plus(options.reconnectFor());
        } else if (now.isAfter(deadline)) {
            throw cause;
        }
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
        return deadline;
    }

    /** Reads frames until the stream ends; true when it stopped to reconnect with a new ticket. */
    private boolean pump(EdgeStream stream) throws IOException, MalformedMessageException, SessionEndedException {
        while (!closed) {
            if (maybeRenew(false)) {
                return true;
            }
            LiveFrame frame = stream.next();
            if (frame == null) {
                return false;
            }
            listener.frame(frame);
            boolean data = frame.type() == LiveFrame.Type.KEY || frame.type() == LiveFrame.Type.CHUNK;
            if (data && cursor >= 0 && frame.seq() <= cursor) {
                continue; // a frame already handled (an edge that replays too much)
            }
            switch (frame.type()) {
                case HEARTBEAT -> {}
                case GAP -> {
                    gaps.incrementAndGet();
                    listener.warning("frames up to " + (frame.seq() - 1) + " are gone from the edge's window");
                    cursor = frame.seq() - 1;
                }
                case KEY -> {
                    applyKeys(frame.payload(), "key message #" + frame.seq());
                    cursor = frame.seq();
                }
                case CHUNK -> {
                    chunk(frame);
                    cursor = frame.seq();
                }
            }
        }
        return false;
    }

    private boolean applyKeys(byte[] bytes, String what) {
        try {
            ring.apply(KeyMessage.decode(bytes, verifier));
            keyMessages.incrementAndGet();
            return true;
        } catch (MalformedMessageException e) {
            malformed.incrementAndGet();
            listener.warning(what + " rejected: " + e.getMessage());
            return false;
        }
    }

    /** Counts the chunks between the one expected next and this one as missing. */
    private void sequence(long chunkSeq) {
        if (nextChunkSeq >= 0 && chunkSeq > nextChunkSeq) {
            chunksMissing.addAndGet(chunkSeq - nextChunkSeq);
            listener.warning("chunks " + nextChunkSeq + " to " + (chunkSeq - 1)
                    + " never arrived: their part of the stream is missing from the output");
            listener.chunksMissing(nextChunkSeq, chunkSeq - 1);
        }
        if (chunkSeq >= nextChunkSeq) {
            nextChunkSeq = chunkSeq + 1;
        }
    }

    private void skipped(long chunkSeq, String reason) {
        chunksSkipped.incrementAndGet();
        listener.warning("chunk " + chunkSeq + " skipped: " + reason);
        listener.chunkSkipped(chunkSeq, reason);
    }

    private void chunk(LiveFrame frame) throws IOException, SessionEndedException {
        sequence(frame.chunkSeq());
        byte[] tek = ring.trafficKey(frame.tekPeriod());
        if (tek == null) {
            if (frame.tekPeriod() < ring.newestPeriod()) {
                skipped(frame.chunkSeq(), "sealed under a key period already dropped");
                return;
            }
            resyncKeys();
            tek = ring.trafficKey(frame.tekPeriod());
            if (tek == null) {
                throw new SessionEndedException("no key for key period " + frame.tekPeriod()
                        + ": this terminal is no longer a member of the group (session lapsed or revoked)");
            }
        }
        byte[] record;
        try {
            record = sealer.open(
                    tek, new ChunkAad(contentId, "tek-" + frame.tekPeriod(), frame.chunkSeq()), frame.payload());
        } catch (ChunkSealer.SealedChunkException e) {
            malformed.incrementAndGet();
            skipped(frame.chunkSeq(), e.getMessage());
            return;
        } finally {
            SecretKeys.wipe(tek);
        }
        try {
            ComplementaryChunk chunk = ComplementaryChunk.decode(record);
            byte[] main = central.mainRange(grant.groupId(), frame.chunkSeq());
            if (main.length != chunk.mainLength()) {
                throw new ComplementaryException(
                        ComplementaryException.Kind.WRONG_MAIN_STREAM, "main range of unexpected length");
            }
            StreamRebuilder.apply(chunk, main, 0);
            out.write(main);
            out.flush();
            chunksWritten.incrementAndGet();
            bytesWritten.addAndGet(main.length);
            listener.chunkWritten(frame.chunkSeq(), chunk.mainOffset(), main.length);
        } catch (ComplementaryException e) {
            malformed.incrementAndGet();
            skipped(frame.chunkSeq(), e.getMessage());
        } catch (LiveApiException e) {
            skipped(frame.chunkSeq(), "main stream unavailable: " + e.getMessage());
        }
    }

    private void resyncKeys() throws SessionEndedException {
        try {
            applyKeys(central.keyPath(grant.sessionId(), terminalId), "key path");
        } catch (LiveApiException e) {
            if (e.status() == 404 || e.status() == 403) {
                throw new SessionEndedException("the server ended this session: " + e.getMessage());
            }
            listener.warning("cannot fetch the key path: " + e.getMessage());
        }
    }

    /** Renews when due (or forced); true if it did. */
    private boolean maybeRenew(boolean force) throws SessionEndedException {
        if (!options.prolong()) {
            return false;
        }
        Instant due = grant.expiresAt().minus(options.renewMargin());
        if (!force && clock.instant().isBefore(due)) {
            return false;
        }
        try {
            open(true);
            return true;
        } catch (LiveApiException e) {
            throw new SessionEndedException("renewal refused: " + e.getMessage());
        }
    }

    /** Challenge, proof, session (or renewal), SK, key ring. */
    private void open(boolean renewal) throws SessionEndedException, LiveApiException {
        try {
            Challenge challenge = central.challenge(terminalId);
            String proof = proofs.prove(challenge, contentId, secret);
            SessionGrant g = renewal
                    ? central.renew(grant.sessionId(), terminalId, challenge.challengeId(), proof)
                    : central.openSession(terminalId, contentId, challenge.challengeId(), proof);
            if (!g.terminalId().equals(terminalId) || !g.contentId().equals(contentId)) {
                throw new SessionEndedException("the server's grant is for another terminal or content");
            }
            byte[] sk = g.openSessionKey(secret, crypto);
            try {
                synchronized (this) {
                    if (renewal) {
                        ring.renew(g.leaf(), sk);
                        renewals.incrementAndGet();
                    } else {
                        ring = new KeyRing(g.groupId(), g.sessionId(), g.leaf(), sk, options.overlapPeriods(), crypto);
                    }
                    grant = g;
                }
            } finally {
                SecretKeys.wipe(sk);
            }
            if (!applyKeys(g.keyMessage(), "the grant's key path")) {
                throw new SessionEndedException("the server's key path does not verify");
            }
            listener.session(g, renewal);
        } catch (AuthenticationException e) {
            throw new SessionEndedException(e.getMessage());
        } catch (TerminalKeyWrapping.UnwrapFailedException e) {
            throw new SessionEndedException("cannot open the session key: " + e.getMessage());
        } catch (LiveApiException e) {
            if (e.status() >= 400 && e.status() < 500) {
                throw new SessionEndedException("the server refused: " + e.getMessage());
            }
            throw e;
        }
    }

    /** Leaves the group (proving the terminal's key again) and closes. */
    public void leave() throws LiveApiException, SessionEndedException {
        SessionGrant g = grant();
        if (g != null) {
            try {
                Challenge c = central.challenge(terminalId);
                central.leave(g.sessionId(), terminalId, c.challengeId(), proofs.prove(c, contentId, secret));
            } catch (AuthenticationException e) {
                throw new SessionEndedException(e.getMessage());
            }
        }
        close();
    }

    /** Stops {@link #run()} (from any thread) and wipes the keys. */
    @Override
    public void close() {
        closed = true;
        EdgeStream s = current;
        if (s != null) {
            s.close();
        }
    }
}

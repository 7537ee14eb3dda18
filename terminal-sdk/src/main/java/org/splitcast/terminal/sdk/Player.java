package org.splitcast.terminal.sdk;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.license.format.LicenseRejectedException;
import org.splitcast.license.format.TerminalSecret;
import org.splitcast.license.format.VerifiedLicense;
import org.splitcast.protection.envelope.Envelope;
import org.splitcast.protection.envelope.EnvelopeContext;
import org.splitcast.protection.envelope.EnvelopeException;
import org.splitcast.protection.envelope.EnvelopeOpener;
import org.splitcast.protection.envelope.EnvelopeType;
import org.splitcast.protection.wire.ChunkSelection;
import org.splitcast.separation.RebuildReport;
import org.splitcast.separation.StreamRebuilder;
import org.splitcast.separation.complementary.ComplementaryException;
import org.splitcast.separation.complementary.ComplementaryInfo;

/**
 * On-demand playback on a terminal (DESIGN flow D; seed 000, claims 4 and 10): gets a license,
 * fetches the sealed complementary information in batches as playback needs it, opens each
 * envelope with Kc, and rebuilds the original from the main stream as it downloads, chunk by chunk:
 * the first bytes are written long before the download ends, and memory does not grow with the
 * stream (one chunk range, one batch of envelopes, the HTTP client's buffers).
 *
 * <p>Every check of the rebuild applies (each range's SHA-256 before, CRC32C after, the whole
 * main stream's fingerprint against the sealed trailer at the end), so nothing that fails them is
 * written. When the chunks' key id is not the license's, one fresh license is asked for, once per
 * playback. Not thread-safe: one playback per instance at a time.
 */
public final class Player {

    /** Chunks asked for per request by default (about 32 s of playback with 2 s chunks). */
    public static final int DEFAULT_BATCH_CHUNKS = 16;
    /** Attempts to resume a broken download or batch, in a row, by default. */
    public static final int DEFAULT_MAX_RETRIES = 5;
    /**
     * How long a playback waits, by default, while the server answers 409 not-ready (the content
     * is being ingested, or sealed under the key of this license) before it gives up.
     */
    public static final Duration DEFAULT_NOT_READY_WAIT = Duration.ofSeconds(60);

    private static final long NOT_READY_POLL_MILLIS = 2_000;

    private final LicenseClient licenses;
    private final DeliveryClient delivery;
    private final CryptoProvider crypto;
    private final int batchChunks;
    private final int maxRetries;
    private final Duration notReadyWait;

    public Player(LicenseClient licenses, DeliveryClient delivery, CryptoProvider crypto) {
        this(licenses, delivery, crypto, DEFAULT_BATCH_CHUNKS, DEFAULT_MAX_RETRIES, DEFAULT_NOT_READY_WAIT);
    }

    /**
     * @param batchChunks chunks asked for per request
     * @param maxRetries attempts in a row to resume a broken download or batch
     * @param notReadyWait how long to keep asking while the server answers 409 not-ready
     */
    public Player(
            LicenseClient licenses,
            DeliveryClient delivery,
            CryptoProvider crypto,
            int batchChunks,
            int maxRetries,
            Duration notReadyWait) {
        this.licenses = Objects.requireNonNull(licenses, "licenses");
        this.delivery = Objects.requireNonNull(delivery, "delivery");
        this.crypto = Objects.requireNonNull(crypto, "crypto");
        if (batchChunks < 1 || maxRetries < 0 || notReadyWait.isNegative()) {
            throw new IllegalArgumentException("batchChunks >= 1, maxRetries >= 0, notReadyWait >= 0");
        }
        this.batchChunks = batchChunks;
        this.maxRetries = maxRetries;
        this.notReadyWait = notReadyWait;
    }

    /** Told what happens, for progress displays. */
    public interface Listener {
        /** The license is verified and the main stream has {@code mainLength} bytes. */
        default void started(VerifiedLicense license, long mainLength) {}

        /** {@code bytes} of the original have been written so far. */
        default void written(long bytes) {}
    }

    /**
     * Plays {@code contentId} into {@code out} (not closed).
     *
     * @throws LicenseRequestException if the server refuses the license or the delivery (403
     *     no-valid-license, 404 not-found, 409 not-ready, ...)
     * @throws LicenseRejectedException if the license does not verify (expired, replayed, ...)
     * @throws PlayException if what was delivered fails its checks
     * @throws IOException if the server cannot be reached (after the retries) or the output fails
     */
    public PlayReport play(
            String contentId, String terminalId, TerminalSecret secret, OutputStream out, Listener listener)
            throws IOException, LicenseRequestException, LicenseRejectedException, PlayException {
        Session session = new Session(contentId, terminalId, secret);
        try {
            return session.run(out, listener == null ? new Listener() {} : listener);
        } finally {
            session.close();
        }
    }

    /** One playback: the license and opener in use, the batches fetched. */
    private final class Session {

        private final String contentId;
        private final String terminalId;
        private final TerminalSecret secret;
        private VerifiedLicense license;
        private EnvelopeOpener opener;
        private int licensesAsked;
        private long chunkCount = -1;

        Session(String contentId, String terminalId, TerminalSecret secret) {
            this.contentId = contentId;
            this.terminalId = terminalId;
            this.secret = secret;
        }

        PlayReport run(OutputStream out, Listener listener)
                throws IOException, LicenseRequestException, LicenseRejectedException, PlayException {
            license = licenses.requestLicense(terminalId, contentId, secret).license();
            licensesAsked = 1;
            DeliveryClient.Batch first = fetchWithRetries(ChunkSelection.HEADER);
            Envelope headerEnvelope = first.envelopes().poll();
            if (headerEnvelope == null || !first.envelopes().isEmpty()) {
                throw new IOException("the server's answer for the header does not hold exactly one envelope");
            }
            byte[] header = open(headerEnvelope, EnvelopeType.HEADER, 0);
            ComplementaryInfo info;
            try {
                info = ComplementaryInfo.decode(header);
            } catch (ComplementaryException e) {
                throw new PlayException(
                        PlayException.Kind.COMPLEMENTARY_REJECTED,
                        "the sealed header is not valid complementary information: " + e.getMessage(),
                        e);
            }
            try (ResumingDownload main = delivery.mainStream(contentId, maxRetries)) {
                if (info.hasFingerprint() && info.mainLength() != main.length()) {
                    throw new PlayException(
                            PlayException.Kind.MAIN_STREAM_MISMATCH,
                            StreamRebuilder.lengthMismatch("the main stream", main.length(), info.mainLength()),
                            null);
                }
                listener.started(license, main.length());
                Feed feed = new Feed(header);
                Counting counting = new Counting(out, listener);
                RebuildReport report;
                try {
                    report = new StreamRebuilder().rebuild(main, feed, counting);
                } catch (FeedFailure f) {
                    throw f.unwrap();
                } catch (ComplementaryException e) {
                    throw rebuildFailure(e);
                }
                return new PlayReport(
                        report.outputBytes(),
                        report.chunks(),
                        license.keyId(),
                        licensesAsked,
                        main.resumes(),
                        report.fingerprintHex());
            }
        }

        private PlayException rebuildFailure(ComplementaryException e) {
            return switch (e.kind()) {
                case WRONG_MAIN_STREAM, MAIN_TRUNCATED, MAIN_TOO_LONG -> new PlayException(
                        PlayException.Kind.MAIN_STREAM_MISMATCH, e.getMessage(), e);
                default -> new PlayException(
                        PlayException.Kind.COMPLEMENTARY_REJECTED,
                        "the complementary information is not valid: " + e.getMessage(),
                        e);
            };
        }

        private byte[] open(Envelope envelope, EnvelopeType type, long index) throws PlayException {
            try {
                return opener.open(envelope, type, index);
            } catch (EnvelopeException e) {
                throw new PlayException(PlayException.Kind.COMPLEMENTARY_REJECTED, e.getMessage(), e);
            }
        }

        /** A batch, asked again after a failed connection; with the key and count checked. */
        private DeliveryClient.Batch fetchWithRetries(ChunkSelection selection)
                throws IOException, LicenseRequestException, LicenseRejectedException, PlayException {
            IOException last = null;
            long notReadyUntil = System.nanoTime() + notReadyWait.toNanos();
            for (int attempt = 0; attempt <= maxRetries; attempt++) {
                if (attempt > 0) {
                    pause(attempt);
                }
                DeliveryClient.Batch batch;
                try {
                    batch = delivery.fetch(contentId, terminalId, selection);
                } catch (LicenseRequestException e) {
                    long left = notReadyUntil - System.nanoTime();
                    if (e.status() == 409 && left > 0) {
                        // not ready yet (ingest, or sealing under this license's key): wait, then ask again
                        sleep(Math.min(NOT_READY_POLL_MILLIS, Math.max(1, left / 1_000_000)));
                        attempt--;
                        continue;
                    }
                    if (e.status() < 500) {
                        throw e; // a refusal (403 no-valid-license, 404, 409): asking again changes nothing
                    }
                    last = new IOException("the server answered HTTP " + e.status() + " to chunks=" + selection, e);
                    continue;
                } catch (IOException e) {
                    if (e.getCause() instanceof EnvelopeException bad) {
                        throw new PlayException(
                                PlayException.Kind.COMPLEMENTARY_REJECTED,
                                "the server's answer for chunks=" + selection + " is not a body of envelopes: "
                                        + bad.getMessage(),
                                bad);
                    }
                    last = e; // a connection that failed or broke: ask again
                    continue;
                }
                useKey(batch.keyId());
                if (chunkCount >= 0 && batch.chunkCount() != chunkCount) {
                    throw new IOException("the content's chunk count changed during playback (" + chunkCount + ", now "
                            + batch.chunkCount() + ")");
                }
                chunkCount = batch.chunkCount();
                if (!batch.envelopes().isEmpty()) {
                    return batch;
                }
                last = new IOException("the server's answer for chunks=" + selection + " held no envelope");
            }
            throw last;
        }

        /** Makes sure the opener is for {@code keyId}: one fresh license per playback if not. */
        private void useKey(String keyId)
                throws IOException, LicenseRequestException, LicenseRejectedException, PlayException {
            if (opener != null && opener.context().keyId().equals(keyId)) {
                return;
            }
            if (!license.keyId().equals(keyId)) {
                if (licensesAsked > 1) {
                    throw keyMismatch(keyId);
                }
                license.wipe();
                license = licenses.requestLicense(terminalId, contentId, secret).license();
                licensesAsked++;
                if (!license.keyId().equals(keyId)) {
                    throw keyMismatch(keyId);
                }
            }
            if (opener != null) {
                opener.close();
            }
            opener = new EnvelopeOpener(EnvelopeContext.onDemand(contentId, keyId), license.contentKey(), crypto);
        }

        private PlayException keyMismatch(String keyId) {
            return new PlayException(
                    PlayException.Kind.KEY_MISMATCH,
                    "the complementary information is sealed under key " + keyId
                            + ", but a fresh license still gives key " + license.keyId(),
                    null);
        }

        void close() {
            if (opener != null) {
                opener.close();
            }
            if (license != null) {
                license.wipe();
            }
        }

        /** The plain container, laid out again as the envelopes are opened: header, chunks, trailer. */
        private final class Feed extends InputStream {

            private byte[] current;
            private int position;
            private long nextChunk;
            private boolean trailerDone;
            private final Deque<Envelope> pending = new ArrayDeque<>();

            Feed(byte[] header) {
                current = header;
            }

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                while (current == null || position == current.length) {
                    if (!advance()) {
                        return -1;
                    }
                }
                int n = Math.min(len, current.length - position);
                System.arraycopy(current, position, b, off, n);
                position += n;
                return n;
            }

            private boolean advance() throws IOException {
                try {
                    position = 0;
                    if (nextChunk < chunkCount) {
                        if (pending.isEmpty()) {
                            long last = Math.min(chunkCount - 1, nextChunk + batchChunks - 1);
                            pending.addAll(fetchWithRetries(ChunkSelection.range(nextChunk, last))
                                    .envelopes());
                        }
                        current = open(pending.poll(), EnvelopeType.CHUNK, nextChunk);
                        nextChunk++;
                        return true;
                    }
                    if (!trailerDone) {
                        DeliveryClient.Batch batch = fetchWithRetries(ChunkSelection.TRAILER);
                        if (batch.envelopes().size() != 1) {
                            throw new IOException(
                                    "the server's answer for the trailer does not hold exactly one envelope");
                        }
                        current = open(batch.envelopes().poll(), EnvelopeType.TRAILER, chunkCount);
                        trailerDone = true;
                        return true;
                    }
                    current = null;
                    return false;
                } catch (PlayException | LicenseRequestException | LicenseRejectedException e) {
                    throw new FeedFailure(e);
                }
            }
        }
    }

    private static void pause(int attempt) throws IOException {
        sleep(Math.min(2_000L, 100L << Math.min(attempt, 10)));
    }

    private static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while retrying");
        }
    }

    /** Carries a typed failure of the feed through the rebuild's InputStream. */
    private static final class FeedFailure extends IOException {
        private static final long serialVersionUID = 1L;

        FeedFailure(Exception cause) {
            super(cause.getMessage(), cause);
        }

        IOException unwrap() throws PlayException, LicenseRequestException, LicenseRejectedException {
            Throwable cause = getCause();
            if (cause instanceof PlayException e) {
                throw e;
            }
            if (cause instanceof LicenseRequestException e) {
                throw e;
            }
            if (cause instanceof LicenseRejectedException e) {
                throw e;
            }
            return this;
        }
    }

    /** Counts the bytes written and tells the listener. */
    private static final class Counting extends FilterOutputStream {
        private final Listener listener;
        private long count;

        Counting(OutputStream out, Listener listener) {
            super(out);
            this.listener = listener;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
            listener.written(count);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            listener.written(++count);
        }
    }
}

package org.splitcast.separation;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.LongConsumer;
import org.splitcast.separation.complementary.ComplementaryChunk;
import org.splitcast.separation.complementary.ComplementaryInfo;
import org.splitcast.separation.selection.SelectionPrf;

/**
 * How a {@link StreamSeparator} separates: the per-content secret that keys the selection, the
 * share of the file to extract, the chunk duration, and a few tuning knobs. Immutable; build with
 * {@link #builder()}.
 */
public final class SeparationOptions {

    /** Default share of the file extracted: 1.5 % (the ceiling is 2 %). */
    public static final double DEFAULT_SHARE = 0.015;

    public static final Duration DEFAULT_CHUNK_DURATION = Duration.ofSeconds(2);
    /** A chunk is cut at this size even if its time is not up (a reader buffers one chunk). */
    public static final int DEFAULT_MAX_CHUNK_BYTES = 16 << 20;

    public static final int DEFAULT_VIDEO_RUN = 16;
    public static final int DEFAULT_MPEG2_RUN = 12;
    public static final int DEFAULT_AUDIO_RUN = 16;
    /** PSI must be found within this many bytes from the start. */
    public static final int DEFAULT_PROBE_BYTES = 8 << 20;

    private final byte[] secret;
    private final double share;
    private final long chunkDuration90k;
    private final int maxChunkBytes;
    private final int videoRun;
    private final int mpeg2Run;
    private final int audioRun;
    private final int probeBytes;
    private final byte[] separationId;
    private final LongConsumer progress;
    private final Executor executor;

    private SeparationOptions(Builder b) {
        this.secret = b.secret != null ? b.secret.clone() : randomBytes(32);
        this.share = b.share;
        this.chunkDuration90k = b.chunkDuration90k;
        this.maxChunkBytes = b.maxChunkBytes;
        this.videoRun = b.videoRun;
        this.mpeg2Run = b.mpeg2Run;
        this.audioRun = b.audioRun;
        this.probeBytes = b.probeBytes;
        this.separationId = b.separationId != null ? b.separationId.clone() : null;
        this.progress = b.progress;
        this.executor = b.executor;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Default options with a fresh random secret. */
    public static SeparationOptions defaults() {
        return builder().build();
    }

    static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        new SecureRandom().nextBytes(b);
        return b;
    }

    byte[] secret() {
        return secret.clone();
    }

    public double share() {
        return share;
    }

    public long chunkDuration90k() {
        return chunkDuration90k;
    }

    public int maxChunkBytes() {
        return maxChunkBytes;
    }

    public int videoRun() {
        return videoRun;
    }

    public int mpeg2Run() {
        return mpeg2Run;
    }

    public int audioRun() {
        return audioRun;
    }

    public int probeBytes() {
        return probeBytes;
    }

    /** The separation id to use, or a fresh random one. */
    byte[] separationIdOrRandom() {
        return separationId != null ? separationId.clone() : randomBytes(ComplementaryInfo.SEPARATION_ID_BYTES);
    }

    /** Told the number of input bytes done, about once per block (may be null). */
    LongConsumer progress() {
        return progress;
    }

    /** Where hashing and writing run in parallel with parsing; null: in the calling thread. */
    public Executor executor() {
        return executor;
    }

    /** Builder of {@link SeparationOptions}. */
    public static final class Builder {
        private byte[] secret;
        private double share = DEFAULT_SHARE;
        private long chunkDuration90k = DEFAULT_CHUNK_DURATION.toMillis() * 90;
        private int maxChunkBytes = DEFAULT_MAX_CHUNK_BYTES;
        private int videoRun = DEFAULT_VIDEO_RUN;
        private int mpeg2Run = DEFAULT_MPEG2_RUN;
        private int audioRun = DEFAULT_AUDIO_RUN;
        private int probeBytes = DEFAULT_PROBE_BYTES;
        private byte[] separationId;
        private LongConsumer progress;
        private Executor executor;

        private Builder() {}

        /**
         * The per-content secret that keys the selection (at least 16 bytes). Without it, a random
         * one: the separation is then not reproducible, which is fine, since only the separator
         * ever needs it.
         */
        public Builder secret(byte[] secret) {
            if (secret == null || secret.length < SelectionPrf.MIN_SECRET_BYTES) {
                throw new IllegalArgumentException(
                        "the secret needs at least " + SelectionPrf.MIN_SECRET_BYTES + " bytes");
            }
            this.secret = secret.clone();
            return this;
        }

        /** Share of the file's bytes to extract, in (0, 0.5]; default {@value #DEFAULT_SHARE}. */
        public Builder share(double share) {
            if (!(share > 0 && share <= 0.5)) {
                throw new IllegalArgumentException("share must be in (0, 0.5]: " + share);
            }
            this.share = share;
            return this;
        }

        /** Stream time covered by one chunk, 10 ms to 1 hour; default 2 s. */
        public Builder chunkDuration(Duration d) {
            if (d.toMillis() < 10 || d.toMillis() > 3_600_000) {
                throw new IllegalArgumentException("chunk duration must be between 10 ms and 1 h: " + d);
            }
            this.chunkDuration90k = d.toMillis() * 90;
            return this;
        }

        /** Largest chunk, in main-stream bytes (64 KiB to 256 MiB). */
        public Builder maxChunkBytes(int bytes) {
            if (bytes < (64 << 10) || bytes > (256 << 20) || bytes > ComplementaryChunk.MAX_MAIN_LENGTH) {
                throw new IllegalArgumentException("max chunk bytes out of range: " + bytes);
            }
            this.maxChunkBytes = bytes;
            return this;
        }

        /** Run lengths (bytes per run) for H.264/HEVC, MPEG-1/2 video and audio, 1 to 255. */
        public Builder runLengths(int video, int mpeg2, int audio) {
            for (int v : new int[] {video, mpeg2, audio}) {
                if (v < 1 || v > 255) {
                    throw new IllegalArgumentException("run length out of range: " + v);
                }
            }
            this.videoRun = video;
            this.mpeg2Run = mpeg2;
            this.audioRun = audio;
            return this;
        }

        /** How far into the input the PAT and PMTs must be found (1 MiB to 256 MiB). */
        public Builder probeBytes(int bytes) {
            if (bytes < (1 << 20) || bytes > (256 << 20)) {
                throw new IllegalArgumentException("probe bytes out of range: " + bytes);
            }
            this.probeBytes = bytes;
            return this;
        }

        /** A fixed separation id (16 bytes), for reproducible output; default random. */
        public Builder separationId(byte[] id) {
            if (id.length != ComplementaryInfo.SEPARATION_ID_BYTES) {
                throw new IllegalArgumentException("a separation id has 16 bytes");
            }
            this.separationId = id.clone();
            return this;
        }

        /** A callback told the number of input bytes processed, about every 600 KB. */
        public Builder progress(LongConsumer progress) {
            this.progress = progress;
            return this;
        }

        /**
         * Runs the hashing of the main stream and the writing of blocks and chunks on a thread of
         * this executor, in parallel with parsing (one long task per separation). In a Jakarta
         * EE server pass a {@code ManagedExecutorService}; default: everything in the calling
         * thread.
         */
        public Builder executor(Executor executor) {
            this.executor = executor;
            return this;
        }

        public SeparationOptions build() {
            return new SeparationOptions(this);
        }
    }
}

package org.splitcast.separation;

import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;
import org.splitcast.separation.complementary.ComplementaryChunk;
import org.splitcast.separation.complementary.ComplementarySink;
import org.splitcast.separation.complementary.MainFingerprint;

/**
 * The second half of a separation: for each processed block, hashes the main-stream bytes
 * (SHA-256, chunk by chunk) and the original bytes (CRC32C), completes the chunks that closed in
 * the block and hands them to the sink, then writes the block to the main stream. Inline by
 * default; with an {@link Executor} it runs on one of its threads while the parser works on the
 * next block, which takes hashing off the parser's path (two cores: about twice the throughput).
 */
final class ChunkFinisher {

    /** A chunk whose runs are known; its digests are computed here. */
    record PendingChunk(
            long index,
            long startTime,
            long duration,
            long mainOffset,
            int mainLength,
            long[] runOffsets,
            int[] runLengths,
            int runCount,
            byte[] data) {}

    /** One processed block: main bytes (modified), original bytes, chunks that closed in it. */
    private record Work(byte[] main, byte[] original, int length, long base, List<PendingChunk> closed) {}

    private static final Work END = new Work(null, null, 0, -1, List.of());

    private final byte[] separationId;
    private final OutputStream mainOut;
    private final ComplementarySink sink;
    private final BlockingQueue<byte[]> pool;
    private final MessageDigest sha = MainFingerprint.sha256();
    private final CRC32C crc = new CRC32C();
    private final MainFingerprint fingerprint = new MainFingerprint();
    private long hashed;

    private final BlockingQueue<Work> queue;
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile Throwable failure;
    private volatile boolean aborted;

    ChunkFinisher(byte[] separationId, OutputStream mainOut, ComplementarySink sink, Executor executor, int blockSize)
            throws IOException {
        this.separationId = separationId;
        this.mainOut = mainOut;
        this.sink = sink;
        this.pool = new LinkedBlockingQueue<>();
        int buffers = executor == null ? 2 : 6;
        for (int i = 0; i < buffers; i++) {
            pool.add(new byte[blockSize]);
        }
        if (executor == null) {
            queue = null;
            done.countDown();
        } else {
            queue = new ArrayBlockingQueue<>(2);
            try {
                executor.execute(this::loop);
            } catch (RejectedExecutionException e) {
                throw new IOException("the executor refused the hashing task", e);
            }
        }
    }

    /** A free block buffer (blocks while the finisher still holds them all). */
    byte[] buffer() throws IOException {
        try {
            while (true) {
                byte[] b = pool.poll(100, TimeUnit.MILLISECONDS);
                if (b != null) {
                    return b;
                }
                rethrow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Hands over a processed block; both arrays come back to the pool once it is written. */
    void submit(byte[] main, byte[] original, int length, long base, List<PendingChunk> closed) throws IOException {
        Work work = new Work(main, original, length, base, List.copyOf(closed));
        if (queue == null) {
            process(work);
            return;
        }
        try {
            while (!queue.offer(work, 100, TimeUnit.MILLISECONDS)) {
                rethrow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        rethrow();
    }

    /**
     * Waits until every block has been written and every chunk handed to the sink.
     *
     * @return the main stream's fingerprint
     */
    byte[] finish() throws IOException {
        if (queue != null) {
            try {
                while (!queue.offer(END, 100, TimeUnit.MILLISECONDS)) {
                    rethrow();
                }
                while (!done.await(100, TimeUnit.MILLISECONDS)) {
                    rethrow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
        rethrow();
        mainOut.flush();
        return fingerprint.finish();
    }

    /**
     * Stops the worker after a failure elsewhere (nothing more will be submitted) and waits a
     * while for it, so that it does not write to the caller's streams after the call has failed.
     */
    void abort() {
        if (queue != null) {
            aborted = true;
            queue.clear();
            queue.offer(END);
            try {
                done.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void loop() {
        try {
            while (true) {
                Work w = queue.take();
                if (w == END) {
                    break;
                }
                if (failure == null && !aborted) {
                    process(w);
                }
            }
        } catch (Throwable t) {
            failure = t;
            queue.clear();
        } finally {
            done.countDown();
        }
    }

    private void process(Work w) throws IOException {
        try {
            for (PendingChunk p : w.closed()) {
                hashTo(w, p.mainOffset() + p.mainLength());
                ComplementaryChunk chunk = new ComplementaryChunk(
                        separationId,
                        p.index(),
                        p.startTime(),
                        p.duration(),
                        p.mainOffset(),
                        p.mainLength(),
                        sha.digest(),
                        (int) crc.getValue(),
                        p.runOffsets(),
                        p.runLengths(),
                        p.runCount(),
                        p.data(),
                        p.data().length);
                crc.reset();
                fingerprint.add(chunk.mainOffset(), chunk.mainLength(), chunk.mainDigest());
                sink.chunk(chunk);
            }
            hashTo(w, w.base() + w.length());
            if (w.length() > 0) {
                mainOut.write(w.main(), 0, w.length());
            }
        } finally {
            if (w.main() != null) {
                pool.add(w.main());
                pool.add(w.original());
            }
        }
    }

    private void hashTo(Work w, long target) {
        int from = (int) (hashed - w.base());
        int to = (int) (target - w.base());
        if (to > from) {
            sha.update(w.main(), from, to - from);
            crc.update(w.original(), from, to - from);
            hashed = target;
        }
    }

    private void rethrow() throws IOException {
        Throwable t = failure;
        if (t == null) {
            return;
        }
        if (t instanceof IOException e) {
            throw e;
        }
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IOException(t);
    }
}

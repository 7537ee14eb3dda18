package org.splitcast.license.internal;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.splitcast.license.metrics.internal.LicenseMetrics;

/**
 * The group commit of license records (issue 12): many requests' {@link LicenseIssue} rows in one
 * transaction, each request returning only once its own row is committed, so that no license is
 * ever issued without its record (play counts and the viewing history depend on it).
 *
 * <p>No thread of its own: a request queues its row; if no request is writing, it becomes the
 * writer and commits every row queued (up to {@link #MAX_BATCH} per transaction, a few batches at
 * most); otherwise it waits for its row to be marked done. While one batch
 * commits, the next requests queue up, and the writer takes them all in its next transaction:
 * under load the batches grow by themselves, alone a request writes its own row at once. Waiting
 * requests are woken once, when their row is committed (no lock convoy: on a loaded machine every
 * wake-up costs a scheduling delay). A failed batch fails each of its requests (none of them gets a
 * license). {@code splitcast_license_record_batch_rows} shows the batch sizes.
 */
@ApplicationScoped
public class LicenseRecordWriter {

    /** At most this many rows in one transaction. */
    static final int MAX_BATCH = 256;

    private static final class Pending {
        final LicenseIssue row;
        final CountDownLatch done = new CountDownLatch(1);
        volatile RuntimeException failure;

        Pending(LicenseIssue row) {
            this.row = row;
        }
    }

    @EJB
    LicenseRecordBatch batches;

    @Inject
    LicenseMetrics metrics;

    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean writing = new AtomicBoolean();
    /** Rows in the last batch: more than one means concurrent requests, worth waiting for. */
    private volatile int lastBatch;

    /**
     * Under concurrent load (the last batch had more than one row), the writer waits this long
     * before taking the queue, so that the rows of requests a moment behind join the batch: fewer
     * transactions (each costs a connection, a flush and a commit), a little more latency. 0: no
     * wait.
     */
    @Inject
    @ConfigProperty(name = "splitcast.license.group-commit-linger-micros", defaultValue = "500")
    long lingerMicros;

    /**
     * Returns once the row is committed.
     *
     * @throws IllegalStateException if its batch could not be committed
     */
    public void write(LicenseIssue row) {
        Pending mine = new Pending(row);
        queue.add(mine);
        boolean interrupted = false;
        while (mine.done.getCount() > 0) {
            if (writing.compareAndSet(false, true)) {
                try {
                    // a few batches at most: then the writer's own request answers, and a waiting
                    // request takes over (its wait re-checks every 2 ms)
                    for (int batches = 0; batches < 4 && writeBatch(); batches++) {
                        // until the queue is empty
                    }
                } finally {
                    writing.set(false);
                }
                // a row queued after the last batch and before the release: its request saw a
                // writer at work and waits; the loop takes the writer's part again if need be
                continue;
            }
            try {
                // the writer is at work: woken when our row is done; the timeout only re-checks that
                // a writer is still there (the row queued after its last batch)
                mine.done.await(2, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (mine.failure != null) {
            throw new IllegalStateException("the license record could not be written", mine.failure);
        }
    }

    /** Writes one batch of queued rows; false if the queue was empty. */
    private boolean writeBatch() {
        if (lastBatch > 1 && lingerMicros > 0 && queue.size() < MAX_BATCH) {
            LockSupport.parkNanos(lingerMicros * 1000);
        }
        List<Pending> batch = new ArrayList<>();
        Pending next;
        while (batch.size() < MAX_BATCH && (next = queue.poll()) != null) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            return false;
        }
        lastBatch = batch.size();
        RuntimeException failure = null;
        try {
            batches.insert(batch.stream().map(p -> p.row).toList());
            metrics.recordBatch(batch.size());
        } catch (RuntimeException e) {
            failure = e;
        }
        for (Pending p : batch) {
            p.failure = failure;
            p.done.countDown();
        }
        return true;
    }
}

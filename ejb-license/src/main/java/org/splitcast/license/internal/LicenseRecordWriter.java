package org.splitcast.license.internal;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
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
 * <p>No thread and no connection of its own: a request queues its row; if no request is taking
 * rows, it becomes the writer, takes its own row and every row queued (up to {@link #MAX_BATCH}),
 * persists them in <em>its own request's transaction</em> and returns; the other requests of the
 * batch are woken when that transaction completes (a {@link Synchronization} after completion), and
 * answer only if it committed. The writer needs no second connection: a request whose transaction
 * already holds one (the nonce of {@code DefaultLicenseIssuer.refuseReplay}, a miss's store entry)
 * never waits for a connection that the waiting requests hold, so the pool cannot run dry (a
 * writer in a transaction of its own did, with 200 concurrent requests and a pool of 30). A waiting
 * request is never a writer, and a writer waits for nobody, so no lock can close a cycle. Under load
 * the batches grow by themselves; alone, a request writes its own row in its own transaction, as
 * without the group commit. A batch whose transaction rolls back fails each of its requests (none of
 * them gets a license). {@code splitcast_license_record_batch_rows} shows the batch sizes.
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

    @Resource
    TransactionSynchronizationRegistry transactions;

    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean taking = new AtomicBoolean();
    /** Rows in the last batch: more than one means concurrent requests, worth waiting for. */
    private volatile int lastBatch;

    /**
     * Under concurrent load (the last batch had more than one row), the writer waits this long
     * before taking the queue, so that the rows of requests a moment behind join the batch: fewer
     * transactions (each costs a flush and a commit), a little more latency. 0: no wait.
     */
    @Inject
    @ConfigProperty(name = "splitcast.license.group-commit-linger-micros", defaultValue = "500")
    long lingerMicros;

    /**
     * Called inside the request's transaction: returns once the row is committed, or (when this
     * request writes the batch) once it is persisted in this transaction, which commits it.
     *
     * @throws IllegalStateException if its row's batch was rolled back
     */
    public void write(LicenseIssue row) {
        Pending mine = new Pending(row);
        queue.add(mine);
        boolean interrupted = false;
        while (mine.done.getCount() > 0) {
            if (taking.compareAndSet(false, true)) {
                List<Pending> batch;
                try {
                    batch = take(mine);
                } finally {
                    taking.set(false);
                }
                if (batch != null) {
                    writeInThisTransaction(batch);
                    return;
                }
                // our row was taken by another writer: wait for its transaction
                continue;
            }
            try {
                // another request is taking rows: woken when our row is committed; the timeout only
                // re-checks whether our row is still queued with nobody taking it
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

    /** Our row first, then the queued ones; null if another writer already took our row. */
    private List<Pending> take(Pending mine) {
        if (lastBatch > 1 && lingerMicros > 0 && queue.size() < MAX_BATCH) {
            LockSupport.parkNanos(lingerMicros * 1000);
        }
        if (!queue.remove(mine)) {
            return null;
        }
        List<Pending> batch = new ArrayList<>();
        batch.add(mine);
        Pending next;
        while (batch.size() < MAX_BATCH && (next = queue.poll()) != null) {
            batch.add(next);
        }
        lastBatch = batch.size();
        return batch;
    }

    private void writeInThisTransaction(List<Pending> batch) {
        List<Pending> others = batch.subList(1, batch.size());
        try {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    // the rows are flushed with the rest of the transaction
                }

                @Override
                public void afterCompletion(int status) {
                    boolean committed = status == Status.STATUS_COMMITTED;
                    if (committed) {
                        metrics.recordBatch(batch.size());
                    }
                    complete(
                            others,
                            committed ? null : new IllegalStateException("the batch's transaction was rolled back"));
                }
            });
            batches.insert(batch.stream().map(p -> p.row).toList());
        } catch (RuntimeException e) {
            // the others are not in a transaction that can still commit: they fail now (their
            // synchronization, if registered, finds them done); ours fails with this request
            complete(others, e);
            throw e;
        }
    }

    private static void complete(List<Pending> pending, RuntimeException failure) {
        for (Pending p : pending) {
            if (p.done.getCount() > 0) {
                p.failure = failure;
                p.done.countDown();
            }
        }
    }
}

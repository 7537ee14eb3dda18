package org.splitcast.license.internal;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.splitcast.license.metrics.internal.LicenseMetrics;

/**
 * The group commit of license records (issue 12): many requests' {@link LicenseIssue} rows in one
 * transaction, each request returning only once its own row is committed, so that no license is
 * ever issued without its record (play counts and the viewing history depend on it).
 *
 * <p>No thread of its own: a request queues its row and takes the writer's lock; whoever holds the
 * lock writes every row queued so far (up to {@link #MAX_BATCH}) in one transaction and marks them
 * done. While one batch commits, the next requests queue up behind the lock, and the first of them
 * to get it writes them all: under load the batches grow by themselves, alone a request writes its
 * own row at once. A failed batch fails each of its requests (none of them gets a license).
 * {@code splitcast_license_record_batch_rows} shows the batch sizes.
 */
@ApplicationScoped
public class LicenseRecordWriter {

    /** At most this many rows in one transaction. */
    static final int MAX_BATCH = 256;

    private static final class Pending {
        final LicenseIssue row;
        volatile boolean done;
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
    private final ReentrantLock writer = new ReentrantLock();

    /**
     * Returns once the row is committed.
     *
     * @throws IllegalStateException if its batch could not be committed
     */
    public void write(LicenseIssue row) {
        Pending mine = new Pending(row);
        queue.add(mine);
        while (!mine.done) {
            writer.lock();
            try {
                if (!mine.done) {
                    writeQueued();
                }
            } finally {
                writer.unlock();
            }
        }
        if (mine.failure != null) {
            throw new IllegalStateException("the license record could not be written", mine.failure);
        }
    }

    private void writeQueued() {
        List<Pending> batch = new ArrayList<>();
        Pending next;
        while (batch.size() < MAX_BATCH && (next = queue.poll()) != null) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            return;
        }
        RuntimeException failure = null;
        try {
            batches.insert(batch.stream().map(p -> p.row).toList());
            metrics.recordBatch(batch.size());
        } catch (RuntimeException e) {
            failure = e;
        }
        for (Pending p : batch) {
            p.failure = failure;
            p.done = true;
        }
    }
}

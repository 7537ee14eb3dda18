package org.splitcast.license.precompute.internal;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.jboss.logging.Logger;

/**
 * Writes the blocks computed on misses to the precomputed store's table behind the requests
 * (issue 12): {@link PrecomputedAccessCache#putAndQueue} has already put them in memory, where hits
 * find them; this takes the queue in batches of up to {@link #MAX_BATCH}, each in one transaction
 * ({@link PrecomputedAccessStore#storeQueued}), on one task of the default managed executor at a
 * time. On PostgreSQL a miss so no longer waits for a commit of its own (one fsync) before its
 * license's; many misses' rows share one. A batch that fails (another node stored one of its
 * triples first, a terminal deleted meanwhile) is written again row by row, each alone.
 *
 * <p>The license record itself is not written here: it stays in the request's group commit
 * ({@code LicenseRecordWriter}), durable before the response.
 */
@ApplicationScoped
public class PrecomputedAccessWriteBehind {

    private static final Logger LOG = Logger.getLogger(PrecomputedAccessWriteBehind.class);

    /** At most this many rows in one transaction. */
    static final int MAX_BATCH = 200;

    @EJB
    PrecomputedAccessStore store;

    @Inject
    PrecomputedAccessCache cache;

    @Resource
    ManagedExecutorService executor;

    private final AtomicBoolean running = new AtomicBoolean();

    /** Batches written (or given up) so far. */
    private final AtomicLong batches = new AtomicLong();

    /**
     * Returns once the blocks queued before this call are in the table (or dropped: a removal, a
     * conflict), at most {@code timeout} later: for the store's sizes, which count the table's rows.
     * Waits for the end of the batch being written and of the next (which takes what was queued).
     */
    void awaitWritten(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long target = batches.get() + 2;
        while ((running.get() || cache.queued() > 0) && batches.get() < target && System.nanoTime() < deadline) {
            LockSupport.parkNanos(2_000_000);
        }
    }

    /** Blocks were queued: starts a writer unless one is at work (it takes them). */
    void wake() {
        if (running.compareAndSet(false, true)) {
            try {
                executor.execute(this::drain);
            } catch (RejectedExecutionException e) {
                // the server is stopping or the executor is full: the next miss tries again
                running.set(false);
            }
        }
    }

    private void drain() {
        try {
            while (true) {
                List<PrecomputedAccessCache.Queued> batch = cache.beginFlush(MAX_BATCH);
                try {
                    if (batch.isEmpty()) {
                        break;
                    }
                    write(batch);
                } finally {
                    cache.endFlush();
                    batches.incrementAndGet();
                }
            }
        } finally {
            running.set(false);
        }
        // a block queued between the last empty batch and the flag's reset
        if (cache.queued() > 0) {
            wake();
        }
    }

    private void write(List<PrecomputedAccessCache.Queued> batch) {
        try {
            store.storeQueued(batch);
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                LOG.debugf(
                        "Precomputed block of terminal %s, content %s not stored: %s",
                        batch.get(0).key().terminalId(), batch.get(0).key().contentId(), e.toString());
                return;
            }
            for (PrecomputedAccessCache.Queued q : batch) {
                write(List.of(q));
            }
        }
    }
}

package org.splitcast.license.precompute.run;

import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Timer;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * The precompute timer of seed 003 (step 114 → 120): a persistent EJB timer that ticks every 2
 * seconds. The run itself is due once per period (the operator's setting, read at each tick) and
 * goes to the application's own one-thread executor ({@code splitcast-precompute}, see
 * configure-precompute.cli), never to a request thread nor to the timer service's pool, and never
 * twice at once: here a flag, across nodes the run lease in the database.
 *
 * <p>In a cluster: the timer is persistent on the database timer store ({@code splitcast-timers}
 * on the application's datasource), so each tick fires on one node only; the lease would keep
 * runs apart even if two nodes fired.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class PrecomputeTimer {

    private static final Logger LOG = Logger.getLogger(PrecomputeTimer.class);

    /** This node's name in the run records and the lease. */
    static final String NODE = System.getProperty("jboss.node.name", "splitcast");

    @Resource(lookup = "java:jboss/ee/concurrency/executor/splitcast-precompute")
    ManagedExecutorService executor;

    @EJB
    PrecomputeRun run;

    private final AtomicBoolean running = new AtomicBoolean();

    @Schedule(second = "*/2", minute = "*", hour = "*", persistent = true, info = "splitcast-precompute")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void tick(Timer timer) {
        if (!running.compareAndSet(false, true)) {
            return; // the previous run is still going on this node
        }
        try {
            executor.execute(() -> {
                try {
                    run.runIfDue(NODE);
                } catch (RuntimeException e) {
                    LOG.errorf(e, "Precompute run failed");
                } finally {
                    running.set(false);
                }
            });
        } catch (RejectedExecutionException e) {
            running.set(false);
            LOG.warnf("Precompute executor refused the run: %s", e.getMessage());
        }
    }
}

package org.splitcast.license.precompute.run;

import static org.splitcast.registry.account.Role.OPERATOR_ROLE;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.splitcast.error.UnknownEntityException;
import org.splitcast.license.activity.ActivityReason;
import org.splitcast.license.activity.internal.ActiveUser;
import org.splitcast.license.activity.internal.ActiveUsers;
import org.splitcast.license.metrics.internal.LicenseMetrics;
import org.splitcast.license.precompute.PrecomputeControl;
import org.splitcast.license.precompute.PrecomputeReport;
import org.splitcast.license.precompute.PrecomputeRunView;
import org.splitcast.license.precompute.PrecomputeSettings;
import org.splitcast.license.precompute.internal.AccessPrecomputer;
import org.splitcast.license.precompute.load.GateDecision;
import org.splitcast.license.precompute.load.PrecomputeGate;
import org.splitcast.license.precompute.load.SelectionPolicy;
import org.splitcast.license.precompute.load.WorkloadMeter;
import org.splitcast.license.precompute.run.PrecomputeRunRecord.Outcome;
import org.splitcast.license.recommendation.internal.DisplayedLists;
import org.splitcast.license.recommendation.internal.RecommendationEngine;

/**
 * One run of the timer: step 114 decides, step 120 works through the active list (122
 * recommendation list, 124 selection, 126 access blocks) while the gate stays open and the budget
 * lasts. No transaction of its own: the lease, each sweep, each subscriber taken off the list and
 * each stored block commit on their own, so nothing is held for the length of a run.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
// the server's own work, done as the operator would (the services check roles)
@RunAs(OPERATOR_ROLE)
@PermitAll // a bean with security metadata denies its unannotated methods
public class PrecomputeRun {

    private static final Logger LOG = Logger.getLogger(PrecomputeRun.class);

    /** Half the timer's tick: a run is due a little early rather than a whole tick late. */
    private static final Duration DUE_TOLERANCE = Duration.ofSeconds(1);

    /** The lease outlives the period by this much, for the run's last subscriber to finish. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(30);

    /** Transactions commit a moment after their issue time: the sweep stays this far behind. */
    private static final Duration SWEEP_LAG = Duration.ofSeconds(5);

    /** On the first sweep of a database, how far back the license history counts. */
    private static final Duration FIRST_SWEEP = Duration.ofDays(1);

    /** The window of the load a run under way also watches. */
    private static final Duration RECENT = Duration.ofSeconds(10);

    /** The most subscribers one run reads off the list. */
    private static final int MAX_USERS_PER_RUN = 10_000;

    @EJB
    RunLease lease;

    @EJB
    ActiveUsers activeUsers;

    @EJB
    AccessPrecomputer precompute;

    @EJB
    RecommendationEngine recommendations;

    @EJB
    PrecomputeControl control;

    @EJB
    RunHistory history;

    @Inject
    LicenseMetrics metrics;

    @Inject
    DisplayedLists displayed;

    /** Runs step 114 and, if the gate opens, step 120, when this node gets the lease; else nothing. */
    public void runIfDue(String node) {
        PrecomputeSettings settings = control.settings();
        if (!settings.enabled()) {
            return;
        }
        Instant started = Instant.now();
        Duration period = settings.period();
        if (!lease.acquire(
                node,
                started,
                started.minus(period).plus(DUE_TOLERANCE),
                started.plus(period).plus(LEASE_MARGIN))) {
            return;
        }
        try {
            sweepAccesses(node, started, period);
            run(node, settings, started);
        } finally {
            lease.release(node, started);
        }
    }

    /** Step 112 for the licenses this server issued: their subscribers join the active list. */
    private void sweepAccesses(String node, Instant now, Duration period) {
        Instant from = lease.sweptUntil();
        from = from == null ? now.minus(FIRST_SWEEP) : from;
        Instant to = now.minus(SWEEP_LAG);
        if (!to.isAfter(from)) {
            return;
        }
        // each in a transaction of its own (this bean has none); a long sweep keeps the lease; an
        // access from before a subscriber's reported removal does not bring them back
        int swept = 0;
        for (ActiveUsers.Access access : activeUsers.accessedBetween(from, to)) {
            activeUsers.activate(access.subscriberId(), ActivityReason.ACCESS, access.at());
            if (++swept % 500 == 0) {
                lease.renew(node, Instant.now().plus(period).plus(LEASE_MARGIN));
            }
        }
        // subscribers shown more of their list than the run covered for them: on the list too
        for (var shown : displayed.drainPending().entrySet()) {
            activeUsers.activate(shown.getKey(), ActivityReason.LIST_SHOWN, shown.getValue());
        }
        lease.sweptUntil(to);
        activeUsers.forgetRemovedBefore(to);
    }

    private void run(String node, PrecomputeSettings settings, Instant started) {
        long t0 = System.nanoTime();
        WorkloadMeter meter = metrics.workload();
        Duration interval = settings.interval();
        double load = meter.load(interval);
        double trend = meter.trend(interval, settings.trendIntervals());
        GateDecision gate = PrecomputeGate.decide(
                load,
                trend,
                interval,
                settings.period(),
                settings.threshold(),
                settings.itemCost(),
                settings.maxItemsPerRun());
        if (!gate.open()) {
            record(node, started, t0, Outcome.CLOSED, gate.reason(), gate, 0, 0, 0);
            return;
        }
        // during the run the gate also looks at the last few seconds, so that a sudden peak stops
        // the run at once rather than when the interval's average gets there
        Duration recent = interval.compareTo(RECENT) < 0 ? interval : RECENT;
        RunBudget budget = RunBudget.of(
                gate,
                interval,
                settings.period(),
                () -> Math.max(meter.load(interval), meter.load(recent)),
                control::settings);
        SelectionPolicy policy = SelectionPolicy.valueOf(settings.policy().name());
        int users = 0;
        int computed = 0;
        int alreadyStored = 0;
        Outcome outcome = Outcome.COMPLETED;
        String reason = "the active list was emptied";
        try {
            for (ActiveUser user : activeUsers.oldest(0, MAX_USERS_PER_RUN)) {
                Outcome stopped = budget.stopped();
                if (stopped != null) {
                    outcome = stopped;
                    break;
                }
                Instant takenAt = Instant.now();
                // operation 122: the same engine and list as step 102; 124: the policy's share of it,
                // K at least as long as the list the subscriber was shown
                int shown = displayed.length(user.subscriberId());
                List<String> listed =
                        recommendations.recommendedIds(user.subscriberId(), Math.max(settings.listSize(), shown));
                List<String> selected = policy.select(listed, coverage(settings.k(), shown), gate.headroomShare());
                PrecomputeReport report;
                try {
                    report = precompute.precomputeWithin(user.subscriberId(), selected, budget);
                } catch (UnknownEntityException e) {
                    // the subscriber was deleted meanwhile: their place on the list went with them
                    continue;
                }
                computed += report.computed();
                alreadyStored += report.alreadyStored();
                if (!report.complete()) {
                    // the rest of this subscriber waits behind the others: the next run starts with them
                    activeUsers.requeue(user.subscriberId(), Instant.now());
                    Outcome stop = budget.stopped();
                    outcome = stop != null ? stop : Outcome.BUDGET_SPENT;
                    break;
                }
                activeUsers.takeOff(user.subscriberId(), takenAt);
                displayed.covered(user.subscriberId(), selected.size());
                users++;
                lease.renew(node, Instant.now().plus(settings.period()).plus(LEASE_MARGIN));
            }
            if (outcome != Outcome.COMPLETED) {
                reason = switch (outcome) {
                    case BUDGET_SPENT -> "budget of " + gate.budget() + " access blocks spent";
                    case GATE_CLOSED -> "the load reached S1 during the run";
                    case PERIOD_OVER -> "the period ended";
                    case DISABLED -> "the operator disabled precompute";
                    default -> outcome.name();
                };
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "Precompute run failed after %d access blocks", computed);
            outcome = Outcome.FAILED;
            reason = e.getClass().getSimpleName();
        }
        record(node, started, t0, outcome, reason, gate, users, computed, alreadyStored);
        LOG.debugf(
                "Precompute run: %s, %d subscribers, %d access blocks computed, %d already stored (load %.2f/s, S1 %.2f/s)",
                outcome, users, computed, alreadyStored, load, settings.threshold());
    }

    /** The K of operation 124 for a subscriber shown {@code shown} items of their list: at least that. */
    static int coverage(int k, int shown) {
        return Math.max(k, shown);
    }

    private void record(
            String node,
            Instant started,
            long t0,
            Outcome outcome,
            String reason,
            GateDecision gate,
            int users,
            int computed,
            int alreadyStored) {
        history.record(new PrecomputeRunView(
                UUID.randomUUID().toString(),
                node,
                started,
                (System.nanoTime() - t0) / 1_000_000,
                outcome.name(),
                reason,
                gate.load(),
                gate.trend(),
                gate.threshold(),
                gate.budget(),
                users,
                computed,
                alreadyStored));
    }
}

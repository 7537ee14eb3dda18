package org.splitcast.license.precompute.run;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import org.splitcast.license.precompute.PrecomputeRunView;

/** One decision of the precompute timer and what the run did: a row of {@code precompute_run}. */
@Entity
@Table(name = "precompute_run")
@NamedQuery(
        name = "PrecomputeRunRecord.findLatest",
        query = "select r from PrecomputeRunRecord r order by r.startedAt desc, r.id")
public class PrecomputeRunRecord {

    /** How a run ended. */
    public enum Outcome {
        /** The gate did not open. */
        CLOSED,
        /** Every waiting active user was processed. */
        COMPLETED,
        /** The budget was spent before the list was. */
        BUDGET_SPENT,
        /** The load reached S1 during the run. */
        GATE_CLOSED,
        /** The period ran out before the budget or the list. */
        PERIOD_OVER,
        /** The operator disabled precompute during the run. */
        DISABLED,
        /** An error stopped it (logged). */
        FAILED
    }

    @Id
    @Column(length = 64)
    private String id;

    @Column(nullable = false, length = 128)
    private String node;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "duration_millis", nullable = false)
    private long durationMillis;

    @Column(nullable = false, length = 16)
    private String outcome;

    @Column(nullable = false, length = 200)
    private String reason;

    @Column(nullable = false)
    private double workload;

    @Column(nullable = false)
    private double trend;

    @Column(nullable = false)
    private double threshold;

    @Column(nullable = false)
    private int budget;

    @Column(nullable = false)
    private int users;

    @Column(nullable = false)
    private int computed;

    @Column(name = "already_stored", nullable = false)
    private int alreadyStored;

    protected PrecomputeRunRecord() {}

    public static PrecomputeRunRecord of(PrecomputeRunView v) {
        return new PrecomputeRunRecord(v);
    }

    private PrecomputeRunRecord(PrecomputeRunView v) {
        id = v.id();
        node = v.node();
        startedAt = v.startedAt();
        durationMillis = v.durationMillis();
        outcome = v.outcome();
        reason = v.reason().length() > 200 ? v.reason().substring(0, 200) : v.reason();
        workload = v.workload();
        trend = v.trend();
        threshold = v.threshold();
        budget = v.budget();
        users = v.users();
        computed = v.computed();
        alreadyStored = v.alreadyStored();
    }

    public PrecomputeRunView view() {
        return new PrecomputeRunView(
                id,
                node,
                startedAt,
                durationMillis,
                outcome,
                reason,
                workload,
                trend,
                threshold,
                budget,
                users,
                computed,
                alreadyStored);
    }
}

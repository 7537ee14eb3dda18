package org.splitcast.license.precompute.settings;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import org.splitcast.license.precompute.PrecomputeSettings;
import org.splitcast.license.precompute.PrecomputeSettings.SelectionPolicyName;

/** The operator's settings: the one row of {@code precompute_settings}. */
@Entity
@Table(name = "precompute_settings")
public class PrecomputeSettingsRow {

    static final int ID = 1;

    @Id
    private int id = ID;

    @Column(nullable = false)
    private boolean enabled;

    @Column(nullable = false)
    private double threshold;

    @Column(name = "interval_seconds", nullable = false)
    private int intervalSeconds;

    @Column(name = "trend_intervals", nullable = false)
    private int trendIntervals;

    @Column(name = "period_seconds", nullable = false)
    private int periodSeconds;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private SelectionPolicyName policy;

    @Column(name = "policy_k", nullable = false)
    private int k;

    @Column(name = "list_size", nullable = false)
    private int listSize;

    @Column(name = "max_items_per_run", nullable = false)
    private int maxItemsPerRun;

    @Column(name = "item_cost", nullable = false)
    private double itemCost;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected PrecomputeSettingsRow() {}

    PrecomputeSettingsRow(PrecomputeSettings s, Instant now) {
        set(s, now);
    }

    void set(PrecomputeSettings s, Instant now) {
        enabled = s.enabled();
        threshold = s.threshold();
        intervalSeconds = (int) s.interval().toSeconds();
        trendIntervals = s.trendIntervals();
        periodSeconds = (int) s.period().toSeconds();
        policy = s.policy();
        k = s.k();
        listSize = s.listSize();
        maxItemsPerRun = s.maxItemsPerRun();
        itemCost = s.itemCost();
        updatedAt = now;
    }

    PrecomputeSettings settings() {
        return new PrecomputeSettings(
                enabled,
                threshold,
                Duration.ofSeconds(intervalSeconds),
                trendIntervals,
                Duration.ofSeconds(periodSeconds),
                policy,
                k,
                listSize,
                maxItemsPerRun,
                itemCost);
    }
}

package org.splitcast.license.precompute.settings;

import static org.splitcast.registry.account.Role.OPERATOR_ROLE;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;
import org.splitcast.common.Timestamps;
import org.splitcast.error.InvalidRequestException;
import org.splitcast.license.activity.internal.ActiveUsers;
import org.splitcast.license.metrics.internal.LicenseMetrics;
import org.splitcast.license.precompute.PrecomputeControl;
import org.splitcast.license.precompute.PrecomputeRunView;
import org.splitcast.license.precompute.PrecomputeSettings;
import org.splitcast.license.precompute.PrecomputeStatus;
import org.splitcast.license.precompute.internal.PrecomputedAccessStore;
import org.splitcast.license.precompute.load.GateDecision;
import org.splitcast.license.precompute.load.PrecomputeGate;
import org.splitcast.license.precompute.load.WorkloadMeter;
import org.splitcast.license.precompute.run.RunHistory;

/** {@link PrecomputeControl}: the settings row over the configuration's defaults, and the status. */
@Stateless
@RolesAllowed(OPERATOR_ROLE)
public class DefaultPrecomputeControl implements PrecomputeControl {

    private static final Logger LOG = Logger.getLogger(DefaultPrecomputeControl.class);

    @PersistenceContext
    EntityManager em;

    @Inject
    PrecomputeDefaults defaults;

    @Inject
    LicenseMetrics metrics;

    @EJB
    ActiveUsers activeUsers;

    @EJB
    PrecomputedAccessStore store;

    @EJB
    RunHistory history;

    @Override
    public PrecomputeSettings settings() {
        PrecomputeSettingsRow row = em.find(PrecomputeSettingsRow.class, PrecomputeSettingsRow.ID);
        return row != null ? row.settings() : defaults.settings();
    }

    @Override
    public PrecomputeSettings updateSettings(PrecomputeSettings settings) throws InvalidRequestException {
        check(settings);
        PrecomputeSettingsRow row = em.find(PrecomputeSettingsRow.class, PrecomputeSettingsRow.ID);
        if (row == null) {
            em.persist(new PrecomputeSettingsRow(settings, Timestamps.now()));
        } else {
            row.set(settings, Timestamps.now());
        }
        LOG.infof("Precompute settings changed: %s", settings);
        return settings;
    }

    @Override
    public PrecomputeSettings resetSettings() {
        PrecomputeSettingsRow row = em.find(PrecomputeSettingsRow.class, PrecomputeSettingsRow.ID);
        if (row != null) {
            em.remove(row);
            LOG.infof("Precompute settings back to the configuration's defaults");
        }
        return defaults.settings();
    }

    @Override
    public PrecomputeStatus status() {
        PrecomputeSettings settings = settings();
        WorkloadMeter meter = metrics.workload();
        double load = meter.load(settings.interval());
        double trend = meter.trend(settings.interval(), settings.trendIntervals());
        GateDecision gate = PrecomputeGate.decide(
                load,
                trend,
                settings.interval(),
                settings.period(),
                settings.threshold(),
                settings.itemCost(),
                settings.maxItemsPerRun());
        long hits = (long) metrics.hits();
        long misses = (long) metrics.misses();
        List<PrecomputeRunView> last = runs(1);
        return new PrecomputeStatus(
                load,
                trend,
                settings.threshold(),
                settings.enabled() && gate.open(),
                settings.enabled() ? gate.reason() : "precompute disabled",
                settings.enabled() ? gate.budget() : 0,
                activeUsers.count(),
                store.size(),
                hits,
                misses,
                hits + misses == 0 ? null : (double) hits / (hits + misses),
                last.isEmpty() ? null : last.get(0),
                settings);
    }

    @Override
    public List<PrecomputeRunView> runs(int limit) {
        return history.latest(limit);
    }

    /** What Bean Validation cannot say of durations. */
    private static void check(PrecomputeSettings s) throws InvalidRequestException {
        if (s.interval().compareTo(Duration.ofSeconds(1)) < 0
                || s.interval().compareTo(PrecomputeSettings.MAX_INTERVAL) > 0
                || s.interval().toNanos() % 1_000_000_000L != 0) {
            throw InvalidRequestException.field("interval", "must be whole seconds between PT1S and PT1H");
        }
        if (s.period().compareTo(PrecomputeSettings.MIN_PERIOD) < 0
                || s.period().compareTo(Duration.ofDays(1)) > 0
                || s.period().toNanos() % 1_000_000_000L != 0) {
            throw InvalidRequestException.field("period", "must be whole seconds between PT2S and P1D");
        }
    }
}

package org.splitcast.license.precompute.settings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.splitcast.license.precompute.PrecomputeSettings;
import org.splitcast.license.precompute.PrecomputeSettings.SelectionPolicyName;

/** The precompute settings from MicroProfile Config, in force until the operator sets others. */
@ApplicationScoped
public class PrecomputeDefaults {

    @Inject
    @ConfigProperty(name = "splitcast.precompute.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "splitcast.precompute.threshold", defaultValue = "100")
    double threshold;

    @Inject
    @ConfigProperty(name = "splitcast.precompute.interval", defaultValue = "PT5M")
    Duration interval;

    @Inject
    @ConfigProperty(name = "splitcast.precompute.trend-intervals", defaultValue = "3")
    int trendIntervals;

    @Inject
    @ConfigProperty(name = "splitcast.precompute.period", defaultValue = "PT1M")
    Duration period;

    @Inject
    @ConfigProperty(name = "splitcast.precompute.policy", defaultValue = "FIRST_K")
    SelectionPolicyName policy;

    @Inject
    @ConfigProperty(name = "splitcast.precompute.k", defaultValue = "10")
    int k;

    @Inject
    @ConfigProperty(name = "splitcast.precompute.list-size", defaultValue = "20")
    int listSize;

    @Inject
    @ConfigProperty(name = "splitcast.precompute.max-items-per-run", defaultValue = "10000")
    int maxItemsPerRun;

    @Inject
    @ConfigProperty(name = "splitcast.precompute.item-cost", defaultValue = "1.0")
    double itemCost;

    public PrecomputeSettings settings() {
        return new PrecomputeSettings(
                enabled, threshold, interval, trendIntervals, period, policy, k, listSize, maxItemsPerRun, itemCost);
    }
}

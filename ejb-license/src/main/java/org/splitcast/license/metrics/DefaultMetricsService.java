package org.splitcast.license.metrics;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.splitcast.metrics.MetricsService;

/** {@link MetricsService} over {@link LicenseMetrics}' registry. */
@Stateless
public class DefaultMetricsService implements MetricsService {

    @Inject
    LicenseMetrics metrics;

    @Override
    public String scrape() {
        return metrics.scrape();
    }
}

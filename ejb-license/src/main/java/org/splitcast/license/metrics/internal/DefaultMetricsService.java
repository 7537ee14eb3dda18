package org.splitcast.license.metrics.internal;

import static org.splitcast.registry.account.Role.OPERATOR_ROLE;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.splitcast.license.metrics.MetricsService;

/** {@link MetricsService} over {@link LicenseMetrics}' registry. */
@Stateless
@RolesAllowed(OPERATOR_ROLE)
public class DefaultMetricsService implements MetricsService {

    @Inject
    LicenseMetrics metrics;

    @Override
    public String scrape() {
        return metrics.scrape();
    }
}

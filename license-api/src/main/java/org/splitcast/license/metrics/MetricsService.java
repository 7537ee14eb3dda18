package org.splitcast.license.metrics;

import jakarta.ejb.Local;

/** The metrics of this server node (license hits and misses, issuing latency, ...). */
@Local
public interface MetricsService {

    /** Content type of {@link #scrape}: the Prometheus text exposition format 0.0.4. */
    String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    /** Every meter in the Prometheus text exposition format. */
    String scrape();
}

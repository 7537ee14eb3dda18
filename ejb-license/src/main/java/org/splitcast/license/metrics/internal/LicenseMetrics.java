package org.splitcast.license.metrics.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.splitcast.error.ErrorCode;
import org.splitcast.license.AccessSource;
import org.splitcast.license.precompute.load.WorkloadMeter;

/**
 * The license server's meters, in one Prometheus registry of this node (scraped at {@code GET
 * /api/metrics}). Micrometer meters are lock-free: cheap on the request path.
 */
@ApplicationScoped
public class LicenseMetrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter hits;
    private final Counter misses;
    private final Timer issuing;
    private final DistributionSummary recordBatches;
    private final DistributionSummary storeBatches;
    private final WorkloadMeter workload = WorkloadMeter.onSystemClock();

    public LicenseMetrics() {
        hits = Counter.builder("splitcast.license.access")
                .description("Licenses whose access block came from the precomputed store (step 146)")
                .tag("source", AccessSource.PRECOMPUTED.headerValue())
                .register(registry);
        misses = Counter.builder("splitcast.license.access")
                .description("Licenses whose access block was computed at request time (step 142)")
                .tag("source", AccessSource.COMPUTED.headerValue())
                .register(registry);
        issuing = Timer.builder("splitcast.license.issue")
                .description("Time to issue a license, from the request to the finished license")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
        recordBatches = DistributionSummary.builder("splitcast.license.record.batch")
                .description("License records committed per transaction of the group commit")
                .baseUnit("rows")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
        storeBatches = DistributionSummary.builder("splitcast.precompute.write.behind.batch")
                .description("Blocks computed on misses written to the precomputed store per transaction"
                        + " of its write-behind")
                .baseUnit("rows")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
    }

    /** A write-behind transaction of the precomputed store committed these rows. */
    public void storeBatch(int rows) {
        storeBatches.record(rows);
    }

    /** One transaction of the group commit wrote {@code rows} license records. */
    public void recordBatch(int rows) {
        recordBatches.record(rows);
    }

    /** A license request arrived (step 130): the workload meter of step 114 counts it. */
    public void received() {
        workload.record();
    }

    /** The workload meter of this node. */
    public WorkloadMeter workload() {
        return workload;
    }

    /** A license was issued, its access block found in the store or computed. */
    public void issued(AccessSource source, long nanos) {
        (source == AccessSource.PRECOMPUTED ? hits : misses).increment();
        issuing.record(nanos, TimeUnit.NANOSECONDS);
        requests("issued");
    }

    /** A license request was refused with {@code code}. */
    public void refused(ErrorCode code) {
        requests(code.slug());
    }

    /** An access block was computed, on a miss or ahead of time. */
    public void accessBlockComputed(String reason, long nanos) {
        Timer.builder("splitcast.access-block.compute")
                .description("Time to compute an access block (wrap Kc + sign)")
                .tag("reason", reason)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    public double hits() {
        return hits.count();
    }

    public double misses() {
        return misses.count();
    }

    public String scrape() {
        return registry.scrape();
    }

    private void requests(String outcome) {
        Counter.builder("splitcast.license.requests")
                .description("License requests received, by outcome (issued, or the refusal's code)")
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }
}

/**
 * What the workload meter of step 114 (seed 003) costs each license request: {@link
 * org.splitcast.benchmarks.workload.WorkloadMeterBenchmark}, against a plain counter measured in
 * the same run.
 */
package org.splitcast.benchmarks.workload;

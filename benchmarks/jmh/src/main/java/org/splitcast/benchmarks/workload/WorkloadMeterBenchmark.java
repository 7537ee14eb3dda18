package org.splitcast.benchmarks.workload;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.splitcast.license.precompute.load.WorkloadMeter;

/**
 * The cost of counting one license request for the workload meter, with two threads counting at
 * once (both cores of the target machines: the worst contention they can have), next to the
 * counters a request path could use instead: a {@link LongAdder} (striped, the cheapest under
 * contention) and one shared {@link AtomicLong}. The meter does one compare-and-set on the slot of
 * the current second, plus reading the clock.
 *
 * <pre>java -cp benchmarks/jmh/target/benchmarks.jar org.openjdk.jmh.Main WorkloadMeter</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(2)
@State(Scope.Benchmark)
public class WorkloadMeterBenchmark {

    private final WorkloadMeter meter = WorkloadMeter.onSystemClock();
    private final LongAdder adder = new LongAdder();
    private final AtomicLong atomic = new AtomicLong();

    @Benchmark
    public void meterRecord() {
        meter.record();
    }

    /** Baseline: the striped counter, no time slots. */
    @Benchmark
    public void longAdderIncrement() {
        adder.increment();
    }

    /** Baseline: one shared atomic counter. */
    @Benchmark
    public long atomicIncrement() {
        return atomic.incrementAndGet();
    }

    /** Baseline: reading the clock alone, which the meter does on every request. */
    @Benchmark
    public long clockRead() {
        return System.currentTimeMillis();
    }
}

package org.splitcast.benchmarks.license;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.splitcast.benchmarks.Sha256Baseline;
import org.splitcast.license.format.AccessBlock;
import org.splitcast.license.format.License;
import org.splitcast.license.format.SignatureAlgorithm;

/**
 * Licenses per second on the compute path, one thread (a miss is CPU-bound: on the 2 cores of the
 * target machines, two threads give at most twice this). {@link #baseline} is a fixed amount of
 * plain JDK work measured in the same run, against which every other result is reported as a
 * ratio (these machines are shared and noisy: absolute numbers move, ratios hold better).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LicenseBenchmark {

    /** A miss: Kc wrapped for the terminal, the access block signed, then the grant. */
    @State(Scope.Benchmark)
    public static class Miss {

        @Param({"native", "bouncycastle"})
        public String crypto;

        @Param({"PS256", "ES256", "EdDSA"})
        public SignatureAlgorithm algorithm;

        @Param({"AES_256", "EC_P256"})
        public Issuer.TerminalKind terminal;

        Issuer issuer;

        @Setup
        public void setUp() {
            issuer = new Issuer(Issuer.provider(crypto), algorithm, terminal);
        }
    }

    /** A hit: the access block is in the store (signed with {@link #algorithm}); the grant alone. */
    @State(Scope.Benchmark)
    public static class Hit {

        @Param({"native", "bouncycastle"})
        public String crypto;

        @Param({"PS256", "ES256", "EdDSA"})
        public SignatureAlgorithm algorithm;

        @Param({"AES_256"})
        public Issuer.TerminalKind terminal;

        Issuer issuer;
        AccessBlock stored;

        @Setup
        public void setUp() {
            issuer = new Issuer(Issuer.provider(crypto), algorithm, terminal);
            stored = issuer.accessBlock();
        }
    }

    @Benchmark
    public License miss(Miss state) {
        return state.issuer.miss();
    }

    @Benchmark
    public License hit(Hit state) {
        return state.issuer.hit(state.stored);
    }

    @Benchmark
    public byte[] baseline(Sha256Baseline state) {
        return state.digest();
    }
}

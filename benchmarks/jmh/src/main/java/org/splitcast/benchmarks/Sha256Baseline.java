package org.splitcast.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The same-run baseline of the benchmarks: SHA-256 of 1 KiB with the JDK's own provider (no
 * splitcast code), a fixed amount of plain work against which results are stated as ratios.
 */
@State(Scope.Benchmark)
public class Sha256Baseline {

    private final byte[] input =
            "splitcast-benchmark-baseline-".repeat(36).substring(0, 1024).getBytes(StandardCharsets.US_ASCII);
    private MessageDigest digest;

    @Setup
    public void setUp() throws GeneralSecurityException {
        digest = MessageDigest.getInstance("SHA-256", "SUN");
    }

    /** One baseline operation. */
    public byte[] digest() {
        return digest.digest(input);
    }
}

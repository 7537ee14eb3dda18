package org.splitcast.benchmarks.license;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.splitcast.benchmarks.MarkdownReport;
import org.splitcast.crypto.CryptoProvider;

/**
 * Runs {@link LicenseBenchmark} (any JMH option may be given, e.g. {@code -p algorithm=ES256}) and
 * prints the Markdown table of the results, which it also writes to {@code jmh-results.md} next
 * to the benchmarks jar:
 *
 * <pre>java -cp benchmarks/jmh/target/benchmarks.jar org.splitcast.benchmarks.license.LicenseBenchmarks</pre>
 *
 * Every row gives licenses per second with the native provider and with BouncyCastle, their
 * ratio, and each one's cost in units of the same-run baseline (how many SHA-256 of 1 KiB the
 * same core does in the time of one license).
 */
public final class LicenseBenchmarks {

    private LicenseBenchmarks() {}

    public static void main(String[] args) throws CommandLineOptionException, RunnerException, IOException {
        MarkdownReport.run(args, LicenseBenchmark.class, "jmh-results.md", LicenseBenchmarks::table);
    }

    /** The Markdown table: one row per benchmark, algorithm and terminal; providers side by side. */
    static String table(Collection<RunResult> results) {
        double baseline = Double.NaN;
        Map<String, Map<String, RunResult>> rows = new LinkedHashMap<>();
        List<RunResult> sorted = new ArrayList<>(results);
        sorted.sort((a, b) -> key(a).compareTo(key(b)));
        for (RunResult result : sorted) {
            String name = MarkdownReport.method(result);
            if (name.equals("baseline")) {
                baseline = result.getPrimaryResult().getScore();
                continue;
            }
            String row = name + " | " + param(result, "algorithm") + " | " + param(result, "terminal");
            rows.computeIfAbsent(row, k -> new LinkedHashMap<>()).put(param(result, "crypto"), result);
        }

        StringBuilder md = new StringBuilder();
        md.append("JMH ")
                .append(Runtime.version())
                .append(", ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" CPUs, 1 thread; native provider: ")
                .append(CryptoProvider.getDefault().name())
                .append("\n\n");
        md.append("| case | algorithm | terminal | native licenses/s | BouncyCastle licenses/s "
                + "| native ÷ BC | native cost (× baseline) | BC cost (× baseline) |\n");
        md.append("|---|---|---|---:|---:|---:|---:|---:|\n");
        for (Map.Entry<String, Map<String, RunResult>> row : rows.entrySet()) {
            RunResult fast = row.getValue().get("native");
            RunResult bc = row.getValue().get("bouncycastle");
            md.append("| ")
                    .append(row.getKey())
                    .append(" | ")
                    .append(score(fast))
                    .append(" | ")
                    .append(score(bc))
                    .append(" | ")
                    .append(fast == null || bc == null ? "" : ratio(opsPerSecond(fast) / opsPerSecond(bc)))
                    .append(" | ")
                    .append(cost(baseline, fast))
                    .append(" | ")
                    .append(cost(baseline, bc))
                    .append(" |\n");
        }
        md.append("| baseline: SHA-256 of 1 KiB (JDK) | | | ")
                .append(Double.isNaN(baseline) ? "" : String.format(Locale.ROOT, "%,.0f", baseline))
                .append(" ops/s | | | 1 | |\n");
        md.append("\nScores ± the 99.9% confidence interval JMH reports. Cost (× baseline): the baseline's "
                + "ops/s ÷ the case's licenses/s, i.e. how many baseline operations one license costs; "
                + "it is the number to compare across runs and machines.\n");
        return md.toString();
    }

    private static String key(RunResult result) {
        String method = MarkdownReport.method(result);
        int order = method.equals("hit") ? 0 : method.equals("miss") ? 1 : 2;
        String algorithm = param(result, "algorithm");
        int alg = algorithm.equals("PS256") ? 0 : algorithm.equals("ES256") ? 1 : 2;
        return order + "/" + param(result, "terminal") + "/" + alg;
    }

    private static String param(RunResult result, String name) {
        String value = result.getParams().getParam(name);
        return value == null ? "" : value;
    }

    private static String score(RunResult result) {
        if (result == null) {
            return "";
        }
        double score = result.getPrimaryResult().getScore();
        double error = result.getPrimaryResult().getScoreError();
        return Double.isNaN(error)
                ? String.format(Locale.ROOT, "%,.0f", score)
                : String.format(Locale.ROOT, "%,.0f ± %,.0f", score, error);
    }

    private static double opsPerSecond(RunResult result) {
        return result.getPrimaryResult().getScore();
    }

    private static String ratio(double value) {
        return String.format(Locale.ROOT, value >= 10 ? "%.0f" : "%.2f", value);
    }

    private static String cost(double baseline, RunResult result) {
        if (result == null || Double.isNaN(baseline)) {
            return "";
        }
        double cost = baseline / result.getPrimaryResult().getScore();
        return String.format(Locale.ROOT, cost >= 100 ? "%,.0f" : "%.1f", cost);
    }
}

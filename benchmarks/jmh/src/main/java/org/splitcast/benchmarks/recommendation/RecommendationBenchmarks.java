package org.splitcast.benchmarks.recommendation;

import java.io.IOException;
import java.util.Collection;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.splitcast.benchmarks.MarkdownReport;

/**
 * Runs {@link RecommendationBenchmark} (any JMH option may be given, e.g. {@code -f 1 -wi 2 -i 3})
 * and prints a Markdown table of the results as ratios to the same-run baseline, which it also
 * writes to {@code jmh-recommendation.md} next to the benchmarks jar:
 *
 * <pre>java -cp benchmarks/jmh/target/benchmarks.jar org.splitcast.benchmarks.recommendation.RecommendationBenchmarks</pre>
 */
public final class RecommendationBenchmarks {

    private RecommendationBenchmarks() {}

    public static void main(String[] args) throws CommandLineOptionException, RunnerException, IOException {
        MarkdownReport.run(
                args, RecommendationBenchmark.class, "jmh-recommendation.md", RecommendationBenchmarks::table);
    }

    /** One row per benchmark: its time per operation, and that time in baseline operations. */
    static String table(Collection<RunResult> results) {
        double baseline = Double.NaN;
        for (RunResult result : results) {
            if (MarkdownReport.method(result).equals("baseline")) {
                baseline = micros(result.getPrimaryResult());
            }
        }
        StringBuilder md = new StringBuilder();
        md.append("JMH ")
                .append(Runtime.version())
                .append(", ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" CPUs, 1 thread\n\n");
        md.append("| benchmark | subscribers × contents | time per operation | cost (× baseline) |\n");
        md.append("|---|---|---:|---:|\n");
        for (RunResult result : results) {
            Result<?> primary = result.getPrimaryResult();
            String name = MarkdownReport.method(result);
            String scale = result.getParams().getParam("subscribers") == null
                    ? ""
                    : String.format(
                            Locale.ROOT,
                            "%,d × %,d",
                            Integer.parseInt(result.getParams().getParam("subscribers")),
                            Integer.parseInt(result.getParams().getParam("contents")));
            double micros = micros(primary);
            double error = primary.getScoreError() * micros / primary.getScore();
            String time = micros >= 100_000
                    ? String.format(Locale.ROOT, "%.2f s", micros / 1e6)
                            + (Double.isNaN(error) ? "" : String.format(Locale.ROOT, " ± %.2f", error / 1e6))
                    : String.format(Locale.ROOT, "%.2f µs", micros)
                            + (Double.isNaN(error) ? "" : String.format(Locale.ROOT, " ± %.2f", error));
            String cost = Double.isNaN(baseline) ? "" : String.format(Locale.ROOT, "%,.1f", micros / baseline);
            md.append("| ")
                    .append(name.equals("baseline") ? "baseline: SHA-256 of 1 KiB (JDK)" : name)
                    .append(" | ")
                    .append(name.equals("baseline") ? "" : scale)
                    .append(" | ")
                    .append(time)
                    .append(" | ")
                    .append(cost)
                    .append(" |\n");
        }
        md.append("\nScores ± the 99.9% confidence interval JMH reports; recommend is the mean of calls for "
                + "successive subscribers (every other one for a terminal), build one whole build per "
                + "iteration. "
                + "Cost (× baseline): how many SHA-256 of 1 KiB the same core does in the time of one "
                + "operation; it is the number to compare across runs and machines.\n");
        return md.toString();
    }

    private static double micros(Result<?> result) {
        String unit = result.getScoreUnit();
        double score = result.getScore();
        TimeUnit timeUnit = unit.startsWith("us")
                ? TimeUnit.MICROSECONDS
                : unit.startsWith("ms")
                        ? TimeUnit.MILLISECONDS
                        : unit.startsWith("ns") ? TimeUnit.NANOSECONDS : TimeUnit.SECONDS;
        return score * timeUnit.toNanos(1) / 1000.0;
    }
}

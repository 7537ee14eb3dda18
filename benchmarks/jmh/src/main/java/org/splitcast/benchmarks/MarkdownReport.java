package org.splitcast.benchmarks;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Collection;
import java.util.function.Function;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * What the benchmark runners share: run a benchmark class with any JMH command-line options, then
 * print its Markdown table and write it next to the benchmarks jar.
 */
public final class MarkdownReport {

    private MarkdownReport() {}

    /**
     * Runs {@code benchmark} (or what the options include), then prints {@code table} of the
     * results and writes it to {@code fileName} in the folder of the benchmarks jar.
     */
    public static void run(
            String[] args, Class<?> benchmark, String fileName, Function<Collection<RunResult>, String> table)
            throws CommandLineOptionException, RunnerException, IOException {
        CommandLineOptions options = new CommandLineOptions(args);
        ChainedOptionsBuilder builder = new OptionsBuilder().parent(options);
        if (options.getIncludes().isEmpty()) {
            builder.include(benchmark.getName() + "\\.");
        }
        String markdown = table.apply(new Runner(builder.build()).run());
        System.out.println();
        System.out.println(markdown);
        Path out = outputDirectory().resolve(fileName);
        Files.writeString(out, markdown, StandardCharsets.UTF_8);
        System.out.println("Written to " + out);
    }

    /** The benchmark method's name of a result. */
    public static String method(RunResult result) {
        String benchmark = result.getParams().getBenchmark();
        return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }

    /** The folder of the benchmarks jar (target/), or the working directory. */
    static Path outputDirectory() {
        CodeSource source = MarkdownReport.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return Path.of(".");
        }
        try {
            Path parent = Path.of(source.getLocation().toURI()).getParent();
            return parent != null ? parent : Path.of(".");
        } catch (URISyntaxException e) {
            return Path.of(".");
        }
    }
}

package org.splitcast.benchmarks.peak;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import org.splitcast.recommendation.synthetic.SyntheticPopulation;

/**
 * The simulation's options, {@code --name value} (or {@code --name=value}), each with a default
 * sized for a 2-core machine. {@link #parse} refuses unknown names, missing values and values out
 * of range with an {@link OptionsException} that says which and why.
 */
final class Options {

    /** A bad command line: the message says what to change. */
    static final class OptionsException extends Exception {
        OptionsException(String message) {
            super(message);
        }
    }

    /** The two modes, in the order they run. */
    enum Mode {
        OFF,
        ON;

        String label() {
            return "precompute " + name().toLowerCase(Locale.ROOT);
        }

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    // server
    URI url = URI.create("http://localhost:8080");
    String operator = "operator:splitcast-operator";
    String integrator = "integrator:splitcast-integrator";
    String runId = "peak" + Long.toString(System.currentTimeMillis() / 1000, 36);
    Path out = defaultOutput();

    // population
    long seed = 42;
    int subscribers = 1500;
    int contents = 200;
    int clusters = 6;
    int packages = 3;
    double meanViews = 5;

    // load
    double p = 0.7;
    int displayed = 10;
    int clients = 16;
    int quietSeconds = 90;
    int peakSeconds = 20;
    int warmupSeconds = 30;
    double quietRate = 3;
    boolean repeatPicks = false;
    /** Prime time (issue 12): each subscriber makes 1 to 3 picks at the peak, all as fast as served. */
    boolean primeTime = false;
    /** Seconds of hits-only requests after the ON mode's peak, to measure a hit's cost (0: none). */
    int hitCalibrationSeconds = 5;

    List<Mode> order = List.of(Mode.OFF, Mode.ON);
    double sampleSeconds = 1;
    int setupParallelism = 4;

    // precompute settings of the ON mode
    OptionalDouble s1 = OptionalDouble.empty();
    double s1Share = 0.5;
    int k = 10;
    int listSize = 20;
    String policy = "FIRST_K";
    Duration interval = Duration.ofSeconds(10);
    int trendIntervals = 2;
    Duration period = Duration.ofSeconds(2);
    double itemCost = 1.0;
    int maxItemsPerRun = 100_000;

    /** True when {@code --help} was asked: print {@link #usage()} and stop. */
    boolean help;

    private Options() {}

    /** Parses the command line; {@code --help} anywhere sets {@link #help} and parses nothing else. */
    static Options parse(String... args) throws OptionsException {
        Options o = new Options();
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h") || arg.equals("-help")) {
                o.help = true;
                return o;
            }
        }
        Map<String, Setter> setters = o.setters();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new OptionsException("unexpected argument '" + arg + "': options are --name value");
            }
            String name = arg.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new OptionsException("--" + name + " needs a value");
            }
            Setter setter = setters.get(name);
            if (setter == null) {
                throw new OptionsException("unknown option --" + name);
            }
            try {
                setter.set(value);
            } catch (NumberFormatException | DateTimeParseException e) {
                throw new OptionsException("--" + name + ": '" + value + "' is not " + setter.what);
            } catch (IllegalArgumentException e) {
                throw new OptionsException("--" + name + ": " + e.getMessage());
            }
        }
        o.check();
        return o;
    }

    private void check() throws OptionsException {
        if (clusters > contents) {
            throw new OptionsException("--clusters (" + clusters + ") must not exceed --contents (" + contents + ")");
        }
        try {
            populationConfig();
        } catch (IllegalArgumentException e) {
            throw new OptionsException("the population: " + e.getMessage());
        }
        if (s1.isPresent() && s1.getAsDouble() <= quietRate) {
            throw new OptionsException("--s1 (" + fmt(s1.getAsDouble()) + ") must be above --quiet-rate ("
                    + fmt(quietRate) + "): the quiet phase must be under S1");
        }
    }

    /**
     * The synthetic population: the recommendation module's defaults (80% of views in the own
     * cluster, Zipf s = 1, 60% of subscribers with every content, 80% demographic fidelity) with
     * this run's sizes.
     */
    SyntheticPopulation.Config populationConfig() {
        return new SyntheticPopulation.Config(
                subscribers, contents, clusters, meanViews, 0.8, 1.0, packages, 0.6, 0.8, seed);
    }

    /** One line per setting, for the report. */
    String summary() {
        return "server " + url + ", run id " + runId + ", seed " + seed + "; population " + subscribers
                + " subscribers x " + contents + " contents x " + clusters + " clusters (" + packages
                + " genre packages, mean views " + fmt(meanViews) + "), one AES_256 terminal each, two copies"
                + "; warm-up " + warmupSeconds + " s; quiet " + quietSeconds + " s at " + fmt(quietRate)
                + " requests/s (open loop), peak "
                + (primeTime
                        ? "prime time (each subscriber 1 to 3 picks, served as fast as the server can) with "
                        : peakSeconds + " s with ")
                + clients + " clients (closed loop); p " + fmt(p) + ", displayed list "
                + displayed + ", repeat picks " + (repeatPicks ? "allowed" : "never") + "; precompute on: "
                + policy + " K " + k + ", list " + listSize + ", interval " + interval + " x " + trendIntervals
                + ", period " + period + ", item cost " + fmt(itemCost) + "; order "
                + String.join(",", order.stream().map(Mode::key).toList());
    }

    static String usage() {
        return """
                Peak simulation (issue 4): precompute off vs on, against one running splitcast server.

                usage: run.sh [--name value]...     (or java -jar peak.jar [--name value]...)

                server
                  --url URL                 the server (default http://localhost:8080)
                  --operator USER:PASSWORD  operator credentials (default operator:splitcast-operator)
                  --integrator USER:PASSWORD integrator credentials, used for every license request
                                            (default integrator:splitcast-integrator)
                  --run-id ID               prefix of every id this run creates (default peak<time>)
                  --out DIR                 where the table, CSV and plot go (default benchmarks/peak/target)
                population (two identical copies, ids <run-id>-off-... and <run-id>-on-...)
                  --seed N                  seed of the population and of every pick (default 42)
                  --subscribers N           subscribers per copy (default 1500)
                  --contents N              contents per copy (default 200)
                  --clusters N              taste clusters (default 6)
                  --packages N              genre packages (default 3)
                  --mean-views X            mean views per subscriber, replayed as licenses (default 5)
                load
                  --warmup SECONDS          closed-loop licenses on a throwaway copy before the history
                                            replay, so that no mode meets a cold server (default 30; 0: none)
                  --quiet SECONDS           quiet phase (default 90)
                  --quiet-rate X            quiet license requests per second, open loop (default 3)
                  --peak SECONDS            peak (default 20: a few picks per subscriber)
                  --clients C               concurrent clients at the peak and in the history replay (default 16)
                  --p X                     probability of picking from the displayed list (default 0.7)
                  --displayed N             length of the displayed list (default 10)
                  --repeat-picks BOOL       may a subscriber pick the same content twice in a mode (default false)
                  --prime-time BOOL         the peak is prime time: every subscriber makes 1 to 3 picks (seeded),
                                            first picks first, and the peak lasts until all are served
                                            (--peak is then ignored; default false: the closed loop)
                  --hit-calibration SECONDS misses alone then hits alone, after both modes, for the cost
                                            ratio c (default 5)
                  --order off,on|on,off     which mode runs first (default off,on)
                  --sample-seconds X        how often /api/precompute/status is sampled (default 1)
                  --setup-parallelism N     parallel requests while creating the population (default 4)
                precompute (the ON mode's PUT /api/precompute/settings)
                  --s1 X                    S1 in license requests/s (default: --s1-share x the miss rate
                                            of the history replay)
                  --s1-share X              (default 0.5)
                  --k N                     K of the policy (default 10, the server's: the list the portal
                                            shows; the server also covers any longer list it showed)
                  --policy P                FIRST_K, ALL or LOAD_DEPENDENT (default FIRST_K)
                  --list-size N             recommendation list the policy selects from (default 20)
                  --interval DURATION       workload interval, ISO-8601 (default PT10S)
                  --trend-intervals N       (default 2)
                  --period DURATION         timer period (default PT2S)
                  --item-cost X             (default 1.0)
                  --max-items-per-run N     (default 100000)
                  --help                    this text

                Exit codes: 0 done, 1 the run failed (the server refused or broke), 2 bad options.
                """;
    }

    // --- parsing ------------------------------------------------------------------------------

    private record Setter(String what, Consumer<String> action) {
        void set(String value) {
            action.accept(value.trim());
        }
    }

    private Map<String, Setter> setters() {
        Map<String, Setter> m = new LinkedHashMap<>();
        m.put("url", new Setter("a URL", v -> url = url(v)));
        m.put("operator", new Setter("USER:PASSWORD", v -> operator = credentials(v)));
        m.put("integrator", new Setter("USER:PASSWORD", v -> integrator = credentials(v)));
        m.put("run-id", new Setter("an id", v -> runId = runId(v)));
        m.put("out", new Setter("a folder", v -> out = Path.of(v)));
        m.put("seed", new Setter("an integer", v -> seed = Long.parseLong(v)));
        m.put("subscribers", new Setter("an integer", v -> subscribers = intIn(v, 1, 100_000)));
        m.put("contents", new Setter("an integer", v -> contents = intIn(v, 1, 100_000)));
        m.put("clusters", new Setter("an integer", v -> clusters = intIn(v, 1, 1000)));
        m.put("packages", new Setter("an integer", v -> packages = intIn(v, 1, 30)));
        m.put("mean-views", new Setter("a number", v -> meanViews = doubleIn(v, 2, 1000)));
        m.put("quiet", new Setter("a number of seconds", v -> quietSeconds = intIn(v, 1, 24 * 3600)));
        m.put("quiet-rate", new Setter("a number", v -> quietRate = doubleIn(v, 0.01, 10_000)));
        m.put("peak", new Setter("a number of seconds", v -> peakSeconds = intIn(v, 1, 24 * 3600)));
        m.put("warmup", new Setter("a number of seconds", v -> warmupSeconds = intIn(v, 0, 3600)));
        m.put("clients", new Setter("an integer", v -> clients = intIn(v, 1, 1000)));
        m.put("p", new Setter("a number", v -> p = doubleIn(v, 0, 1)));
        m.put("displayed", new Setter("an integer", v -> displayed = intIn(v, 1, 100)));
        m.put("repeat-picks", new Setter("true or false", v -> repeatPicks = bool(v)));
        m.put("prime-time", new Setter("true or false", v -> primeTime = bool(v)));
        m.put("hit-calibration", new Setter("a number of seconds", v -> hitCalibrationSeconds = intIn(v, 0, 600)));
        m.put("order", new Setter("off,on or on,off", v -> order = order(v)));
        m.put("sample-seconds", new Setter("a number", v -> sampleSeconds = doubleIn(v, 0.2, 60)));
        m.put("setup-parallelism", new Setter("an integer", v -> setupParallelism = intIn(v, 1, 64)));
        m.put("s1", new Setter("a number", v -> s1 = OptionalDouble.of(doubleIn(v, 0.01, 1_000_000))));
        m.put("s1-share", new Setter("a number", v -> s1Share = doubleIn(v, 0.01, 10)));
        m.put("k", new Setter("an integer", v -> k = intIn(v, 1, 100)));
        m.put("policy", new Setter("a policy", v -> policy = policy(v)));
        m.put("list-size", new Setter("an integer", v -> listSize = intIn(v, 1, 100)));
        m.put("interval", new Setter("an ISO-8601 duration such as PT10S", v -> interval = seconds(v, 1, 3600)));
        m.put("trend-intervals", new Setter("an integer", v -> trendIntervals = intIn(v, 2, 12)));
        m.put("period", new Setter("an ISO-8601 duration such as PT2S", v -> period = seconds(v, 2, 86_400)));
        m.put("item-cost", new Setter("a number", v -> itemCost = doubleIn(v, 0.001, 1_000_000)));
        m.put("max-items-per-run", new Setter("an integer", v -> maxItemsPerRun = intIn(v, 1, Integer.MAX_VALUE)));
        return m;
    }

    private static URI url(String v) {
        URI uri = URI.create(v.endsWith("/") ? v.substring(0, v.length() - 1) : v);
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("'" + v + "' is not an http(s) URL such as http://localhost:8080");
        }
        return uri;
    }

    private static String credentials(String v) {
        int colon = v.indexOf(':');
        if (colon <= 0 || colon == v.length() - 1) {
            throw new IllegalArgumentException("'" + v + "' is not USER:PASSWORD");
        }
        return v;
    }

    private static String runId(String v) {
        // ids are [A-Za-z0-9][A-Za-z0-9._-]{0,63} and usernames lower case: keep it short and plain
        if (!v.matches("[a-z0-9][a-z0-9-]{0,19}")) {
            throw new IllegalArgumentException("must be 1 to 20 lower-case letters, digits or '-', was '" + v + "'");
        }
        return v;
    }

    private static int intIn(String v, int min, int max) {
        int n = Integer.parseInt(v);
        if (n < min || n > max) {
            throw new IllegalArgumentException("must be between " + min + " and " + max + ", was " + n);
        }
        return n;
    }

    private static double doubleIn(String v, double min, double max) {
        double x = Double.parseDouble(v);
        if (!(x >= min && x <= max)) {
            throw new IllegalArgumentException("must be between " + fmt(min) + " and " + fmt(max) + ", was " + v);
        }
        return x;
    }

    private static boolean bool(String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException("must be true or false, was '" + v + "'");
        };
    }

    private static List<Mode> order(String v) {
        List<Mode> modes = new ArrayList<>();
        for (String part : v.split(",")) {
            try {
                modes.add(Mode.valueOf(part.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("must be off,on or on,off, was '" + v + "'");
            }
        }
        if (modes.size() != 2 || modes.get(0) == modes.get(1)) {
            throw new IllegalArgumentException("must be off,on or on,off, was '" + v + "'");
        }
        return List.copyOf(modes);
    }

    private static String policy(String v) {
        String upper = v.toUpperCase(Locale.ROOT);
        if (!List.of("FIRST_K", "ALL", "LOAD_DEPENDENT").contains(upper)) {
            throw new IllegalArgumentException("must be FIRST_K, ALL or LOAD_DEPENDENT, was '" + v + "'");
        }
        return upper;
    }

    private static Duration seconds(String v, long min, long max) {
        Duration d = Duration.parse(v.toUpperCase(Locale.ROOT));
        if (d.toMillis() % 1000 != 0 || d.toSeconds() < min || d.toSeconds() > max) {
            throw new IllegalArgumentException(
                    "must be whole seconds between " + min + " s and " + max + " s, was " + v);
        }
        return d;
    }

    static String fmt(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return Double.toString(x);
        }
        return java.math.BigDecimal.valueOf(x)
                .round(new java.math.MathContext(4))
                .stripTrailingZeros()
                .toPlainString();
    }

    /** target/ next to the jar when run from benchmarks/peak/target/peak.jar, else ./target. */
    private static Path defaultOutput() {
        try {
            Path jar = Path.of(Options.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            Path dir = jar.getParent();
            if (dir != null
                    && dir.getFileName() != null
                    && dir.getFileName().toString().equals("target")) {
                return dir;
            }
            if (jar.getFileName() != null && jar.getFileName().toString().equals("classes")) {
                return dir;
            }
        } catch (Exception e) {
            // fall through
        }
        return Path.of("target");
    }
}

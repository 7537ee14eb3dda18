package org.splitcast.separation.cli;

import java.io.BufferedInputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.splitcast.separation.RebuildReport;
import org.splitcast.separation.SeparationOptions;
import org.splitcast.separation.SeparationReport;
import org.splitcast.separation.StreamRebuilder;
import org.splitcast.separation.StreamReport;
import org.splitcast.separation.StreamSeparator;
import org.splitcast.separation.complementary.ComplementaryChunk;
import org.splitcast.separation.complementary.ComplementaryException;
import org.splitcast.separation.complementary.ComplementaryInfo;
import org.splitcast.separation.complementary.ComplementaryReader;
import org.splitcast.separation.complementary.ComplementaryTrailer;
import org.splitcast.separation.complementary.ComplementaryWriter;
import org.splitcast.separation.io.AtomicFile;
import org.splitcast.separation.ts.Codec;
import org.splitcast.separation.ts.StreamFormatException;
import org.splitcast.separation.ts.StreamTypes;

/**
 * {@code splitcast-separate}: the command-line separating and reconstruction devices.
 *
 * <pre>
 * splitcast-separate separate [options] INPUT MAIN COMPLEMENTARY
 * splitcast-separate rebuild [--chunks FIRST..LAST] MAIN COMPLEMENTARY OUTPUT
 * splitcast-separate inspect [options] FILE
 * </pre>
 *
 * Expected errors print one clear line and exit with {@link ExitCode} 2, 3 or 4, never a stack
 * trace; output files are written under a temporary name and renamed at the end, so a failure
 * leaves none behind.
 */
public final class SeparateCommand {

    static final String NAME = "splitcast-separate";

    static final String USAGE = NAME + " separate [options] INPUT MAIN COMPLEMENTARY\n"
            + "    Separates the MPEG transport stream INPUT (188- or 192-byte packets) into the\n"
            + "    main stream MAIN (same format and size, unwatchable) and the complementary\n"
            + "    information COMPLEMENTARY needed to rebuild it.\n"
            + "    --share PERCENT       share of the file's bytes to extract (default 1.5, max 50)\n"
            + "    --chunk-seconds S     stream time per complementary chunk (default 2)\n"
            + "    --secret-file FILE    the per-content selection secret: 32 raw bytes or 64 hex\n"
            + "                          digits (default: a fresh random secret)\n"
            + "    --separation-id HEX   a fixed 16-byte separation id (default: random)\n"
            + NAME + " rebuild [--chunks FIRST..LAST] MAIN COMPLEMENTARY OUTPUT\n"
            + "    Rebuilds the original, byte for byte, or with --chunks only the original bytes\n"
            + "    of those chunks (MAIN must then be a file).\n"
            + NAME + " inspect [--share PERCENT] [--chunk-seconds S] FILE\n"
            + "    For a transport stream: the streams found and what a separation would extract\n"
            + "    from each, and the chunk count (nothing is written). For complementary\n"
            + "    information: its header, chunks and streams, after checking every checksum.\n"
            + "Common options: --quiet (no progress or summary), --progress (progress even for\n"
            + "small inputs), --help, --version. '-' as INPUT or MAIN (separate), or as MAIN or\n"
            + "OUTPUT (rebuild), is standard input or output.\n"
            + "Exit codes: 0 success; 2 usage error; 3 bad input (not a usable transport stream,\n"
            + "or complementary information that is corrupt, truncated, tampered or for another\n"
            + "main stream); 4 I/O error (missing file, no permission, disk full); 1 internal error.\n";

    private static final Set<String> WITH_VALUE =
            Set.of("--share", "--chunk-seconds", "--secret-file", "--separation-id", "--chunks");
    private static final Set<String> FLAGS = Set.of("--quiet", "--progress", "--help", "--version");

    private SeparateCommand() {}

    public static void main(String[] args) {
        Runtime.getRuntime().addShutdownHook(new Thread(AtomicFile::deleteAllPending));
        OutputStream stdout = new FileOutputStream(FileDescriptor.out);
        int code = run(args, System.in, stdout, System.out, System.err);
        System.out.flush();
        System.exit(code);
    }

    /**
     * Runs one command.
     *
     * @param stdin standard input, for '-'
     * @param binaryOut standard output for stream data, for '-'
     * @param out standard output for text
     * @return the exit code
     */
    public static int run(String[] args, InputStream stdin, OutputStream binaryOut, PrintStream out, PrintStream err) {
        try {
            return dispatch(args, stdin, binaryOut, out, err).code();
        } catch (UsageException e) {
            err.println(NAME + ": " + e.getMessage());
            err.println("Try '" + NAME + " --help'.");
            return ExitCode.USAGE.code();
        } catch (StreamFormatException e) {
            err.println(NAME + ": invalid input: " + e.getMessage());
            return ExitCode.BAD_INPUT.code();
        } catch (ComplementaryException e) {
            err.println(NAME + ": invalid complementary information: " + e.getMessage());
            return ExitCode.BAD_INPUT.code();
        } catch (NoSuchFileException e) {
            err.println(NAME + ": " + e.getFile() + ": no such file");
            return ExitCode.IO.code();
        } catch (AccessDeniedException e) {
            err.println(NAME + ": " + e.getFile() + ": permission denied");
            return ExitCode.IO.code();
        } catch (IOException e) {
            err.println(NAME + ": I/O error: " + e.getMessage());
            return ExitCode.IO.code();
        } catch (IllegalArgumentException e) {
            err.println(NAME + ": " + e.getMessage());
            return ExitCode.USAGE.code();
        } catch (RuntimeException | Error e) {
            err.println(NAME + ": internal error: " + e);
            e.printStackTrace(err);
            return ExitCode.INTERNAL.code();
        } finally {
            err.flush();
            out.flush();
        }
    }

    private static ExitCode dispatch(
            String[] args, InputStream stdin, OutputStream binaryOut, PrintStream out, PrintStream err)
            throws UsageException, StreamFormatException, ComplementaryException, IOException {
        Args a = Args.parse(args);
        if (a.has("--help")) {
            out.print(USAGE);
            return ExitCode.OK;
        }
        if (a.has("--version")) {
            String version = SeparateCommand.class.getPackage().getImplementationVersion();
            out.println(NAME + " " + (version != null ? version : "(development build)") + ", complementary format "
                    + ComplementaryInfo.VERSION_MAJOR + "." + ComplementaryInfo.VERSION_MINOR);
            return ExitCode.OK;
        }
        if (a.positional.isEmpty()) {
            throw new UsageException("missing command (separate, rebuild or inspect)");
        }
        String command = a.positional.remove(0);
        switch (command) {
            case "separate":
                a.expect(3, "INPUT MAIN COMPLEMENTARY");
                a.allow("--share", "--chunk-seconds", "--secret-file", "--separation-id", "--quiet", "--progress");
                return separate(a, stdin, binaryOut, err);
            case "rebuild":
                a.expect(3, "MAIN COMPLEMENTARY OUTPUT");
                a.allow("--chunks", "--quiet", "--progress");
                return rebuild(a, stdin, binaryOut, err);
            case "inspect":
                a.expect(1, "FILE");
                a.allow("--share", "--chunk-seconds", "--quiet", "--progress");
                return inspect(a, stdin, out, err);
            default:
                throw new UsageException("unknown command '" + command + "' (separate, rebuild or inspect)");
        }
    }

    /** The thread that hashes and writes while the parser goes on: one per command. */
    private static final ExecutorService HASHER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "splitcast-finisher");
        t.setDaemon(true);
        return t;
    });

    private static SeparationOptions.Builder options(Args a) throws UsageException, IOException {
        SeparationOptions.Builder b = SeparationOptions.builder().executor(HASHER);
        String option = null;
        try {
            if (a.has("--share")) {
                option = "--share";
                b.share(Double.parseDouble(a.value("--share")) / 100.0);
            }
            if (a.has("--chunk-seconds")) {
                option = "--chunk-seconds";
                b.chunkDuration(Duration.ofMillis(Math.round(Double.parseDouble(a.value("--chunk-seconds")) * 1000)));
            }
            if (a.has("--separation-id")) {
                option = "--separation-id";
                b.separationId(HexFormat.of().parseHex(a.value("--separation-id")));
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + " " + a.value(option) + ": " + e.getMessage());
        }
        if (a.has("--secret-file")) {
            b.secret(readSecret(Path.of(a.value("--secret-file"))));
        }
        return b;
    }

    /** Raw bytes of a secret file, as the help says. */
    static final int SECRET_BYTES = 32;

    /**
     * Reads a secret file: exactly {@value #SECRET_BYTES} raw bytes, or exactly 64 hex digits
     * (surrounding whitespace, such as a final newline, ignored). Anything else is a usage error
     * whose message says what the file holds, never its content. At most 4 KiB are read, so a
     * wrong file ({@code /dev/zero}, a video) costs nothing.
     */
    static byte[] readSecret(Path file) throws IOException, UsageException {
        byte[] raw;
        try (InputStream in = Files.newInputStream(file)) {
            raw = in.readNBytes(4097);
        }
        if (raw.length == SECRET_BYTES) {
            return raw;
        }
        String text = new String(raw, StandardCharsets.US_ASCII).strip();
        if (text.length() == 2 * SECRET_BYTES && text.matches("[0-9a-fA-F]+")) {
            return HexFormat.of().parseHex(text);
        }
        String found = raw.length > 4096
                ? "more than 4096 bytes"
                : text.matches("[0-9a-fA-F]*")
                        ? raw.length + " bytes (" + text.length() + " hex digits)"
                        : raw.length + " bytes";
        throw new UsageException(file + ": a secret file must hold exactly " + SECRET_BYTES + " raw bytes or "
                + 2 * SECRET_BYTES + " hex digits; it has " + found);
    }

    private static ExitCode separate(Args a, InputStream stdin, OutputStream binaryOut, PrintStream err)
            throws UsageException, StreamFormatException, ComplementaryException, IOException {
        String input = a.positional.get(0);
        String main = a.positional.get(1);
        String comp = a.positional.get(2);
        if (main.equals("-") && comp.equals("-")) {
            throw new UsageException("MAIN and COMPLEMENTARY cannot both be standard output");
        }
        SeparationOptions.Builder builder = options(a);
        requireDistinct(input, main, comp);
        long total = input.equals("-") ? -1 : Files.size(Path.of(input));
        boolean quiet = a.has("--quiet");
        Progress progress = new Progress(err, "separate", total, quiet, a.has("--progress"));
        SeparationOptions options = builder.progress(progress::update).build();
        AtomicFile mainFile = null;
        AtomicFile compFile = null;
        Throwable failure = null;
        try (InputStream in = input.equals("-")
                ? Labeled.input(stdin, "standard input")
                : Labeled.input(new BufferedInputStream(Files.newInputStream(Path.of(input)), 1 << 16), input)) {
            OutputStream mainOut;
            if (main.equals("-")) {
                mainOut = Labeled.output(binaryOut, "standard output");
            } else {
                mainFile = AtomicFile.create(Path.of(main));
                mainOut = Labeled.output(mainFile.stream(), main);
            }
            ComplementaryWriter writer;
            if (comp.equals("-")) {
                writer = ComplementaryWriter.toStream(Labeled.output(binaryOut, "standard output"));
            } else {
                compFile = AtomicFile.create(Path.of(comp));
                writer = ComplementaryWriter.toChannel(compFile.channel());
            }
            SeparationReport report;
            try {
                report = new StreamSeparator(options).separate(in, mainOut, writer);
            } catch (IOException e) {
                throw e instanceof Labeled.LabeledIOException ? e : Labeled.label("writing " + comp, e);
            }
            if (total >= 0 && report.inputBytes() != total) {
                throw new IOException(input + " changed while it was read (" + total + " bytes before, "
                        + report.inputBytes() + " read)");
            }
            try {
                AtomicFile.commitAll(
                        Stream.of(mainFile, compFile).filter(Objects::nonNull).toArray(AtomicFile[]::new));
            } catch (IOException e) {
                throw Labeled.label("writing the outputs", e);
            }
            if (!quiet) {
                err.printf(
                        Locale.ROOT,
                        "separated %s in %.2f s (%s): extracted %d bytes = %.3f %% of the file, %d chunks, "
                                + "complementary %d bytes (%.1f %% framing over the extracted bytes)%n",
                        Progress.size(report.inputBytes()),
                        progress.seconds(),
                        progress.rate(report.inputBytes()),
                        report.extractedBytes(),
                        100 * report.share(),
                        report.chunks(),
                        writer.bytesWritten(),
                        report.extractedBytes() == 0
                                ? 0.0
                                : 100.0 * (writer.bytesWritten() - report.extractedBytes()) / report.extractedBytes());
                for (String w : report.warnings()) {
                    err.println("warning: " + w);
                }
            }
            return ExitCode.OK;
        } catch (Exception | Error e) {
            failure = e;
            throw e;
        } finally {
            AtomicFile.closeQuietly(mainFile, failure);
            AtomicFile.closeQuietly(compFile, failure);
        }
    }

    private static ExitCode rebuild(Args a, InputStream stdin, OutputStream binaryOut, PrintStream err)
            throws UsageException, StreamFormatException, ComplementaryException, IOException {
        String main = a.positional.get(0);
        String comp = a.positional.get(1);
        String output = a.positional.get(2);
        if (comp.equals("-") || (main.equals("-") && a.has("--chunks"))) {
            throw new UsageException(
                    "COMPLEMENTARY must be a file" + (a.has("--chunks") ? ", and so must MAIN with --chunks" : ""));
        }
        requireDistinct(main, comp, output);
        long total = main.equals("-") ? -1 : Files.size(Path.of(main));
        boolean quiet = a.has("--quiet");
        Progress progress = new Progress(err, "rebuild", total, quiet, a.has("--progress"));
        if (!main.equals("-") && !a.has("--chunks")) {
            try (InputStream c = Files.newInputStream(Path.of(comp))) {
                ComplementaryInfo header = new ComplementaryReader(c).header();
                if (header.hasFingerprint() && header.mainLength() != total) {
                    throw new ComplementaryException(
                            ComplementaryException.Kind.WRONG_MAIN_STREAM,
                            StreamRebuilder.lengthMismatch(main, total, header.mainLength()));
                }
            }
        }
        AtomicFile outFile = null;
        Throwable failure = null;
        try {
            OutputStream out;
            if (output.equals("-")) {
                out = Labeled.output(binaryOut, "standard output");
            } else {
                outFile = AtomicFile.create(Path.of(output));
                out = Labeled.output(outFile.stream(), output);
            }
            RebuildReport report;
            StreamRebuilder rebuilder = new StreamRebuilder();
            if (a.has("--chunks")) {
                long[] range = chunkRange(a.value("--chunks"));
                report = rebuilder.rebuildChunks(Path.of(main), Path.of(comp), range[0], range[1], out);
            } else {
                try (InputStream mainIn = main.equals("-")
                                ? Labeled.input(stdin, "standard input")
                                : Labeled.input(Files.newInputStream(Path.of(main)), main);
                        InputStream compIn =
                                Labeled.input(new BufferedInputStream(Files.newInputStream(Path.of(comp))), comp)) {
                    report = rebuilder.rebuild(new CountingInputStream(mainIn, progress::update), compIn, out);
                }
            }
            if (outFile != null) {
                try {
                    outFile.commit();
                } catch (IOException e) {
                    throw Labeled.label("writing " + output, e);
                }
            }
            if (!quiet) {
                err.printf(
                        Locale.ROOT,
                        "rebuilt %s in %.2f s (%s): %d chunks, %d bytes restored%s%n",
                        Progress.size(report.outputBytes()),
                        progress.seconds(),
                        progress.rate(report.outputBytes()),
                        report.chunks(),
                        report.restoredBytes(),
                        report.fingerprint() != null ? ", main stream fingerprint verified" : "");
            }
            return ExitCode.OK;
        } catch (Exception | Error e) {
            failure = e;
            throw e;
        } finally {
            AtomicFile.closeQuietly(outFile, failure);
        }
    }

    private static long[] chunkRange(String spec) throws UsageException {
        try {
            String[] parts = spec.split("\\.\\.", -1);
            long first = Long.parseLong(parts[0]);
            long last = parts.length == 1 ? first : Long.parseLong(parts[1]);
            if (parts.length > 2 || first < 0 || last < first) {
                throw new NumberFormatException();
            }
            return new long[] {first, last};
        } catch (NumberFormatException e) {
            throw new UsageException("--chunks expects FIRST..LAST (chunk numbers from 0), not '" + spec + "'");
        }
    }

    private static ExitCode inspect(Args a, InputStream stdin, PrintStream out, PrintStream err)
            throws UsageException, StreamFormatException, ComplementaryException, IOException {
        String file = a.positional.get(0);
        byte[] start;
        try (InputStream in = file.equals("-") ? stdin : Files.newInputStream(Path.of(file))) {
            BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
            buffered.mark(16);
            start = buffered.readNBytes(ComplementaryInfo.MAGIC.length);
            buffered.reset();
            if (Arrays.equals(start, ComplementaryInfo.MAGIC)) {
                return inspectComplementary(file, buffered, out);
            }
            long total = file.equals("-") ? -1 : Files.size(Path.of(file));
            Progress progress = new Progress(err, "inspect", total, a.has("--quiet"), a.has("--progress"));
            SeparationOptions options = options(a).progress(progress::update).build();
            SeparationReport report = new StreamSeparator(options).analyze(Labeled.input(buffered, file));
            printAnalysis(file, report, options, out);
            return ExitCode.OK;
        }
    }

    private static void printAnalysis(String file, SeparationReport r, SeparationOptions options, PrintStream out) {
        out.printf(
                Locale.ROOT,
                "%s: MPEG transport stream, %d bytes, %d-byte packets, %.2f s of stream time%n",
                file,
                r.inputBytes(),
                r.packetSize(),
                r.streamSeconds());
        printStreamTable(out, r.streams());
        out.printf(
                Locale.ROOT,
                "a separation would extract %d bytes = %.3f %% of the file (target %.2f %%) in %d chunks of %.1f s%n",
                r.extractedBytes(),
                100 * r.share(),
                100 * options.share(),
                r.chunks(),
                options.chunkDuration90k() / 90_000.0);
        for (String w : r.warnings()) {
            out.println("warning: " + w);
        }
    }

    private static void printStreamTable(PrintStream out, List<StreamReport> streams) {
        out.printf(
                Locale.ROOT,
                "%-8s %-7s %-5s %-22s %-10s %-13s %12s %10s %8s %9s%n",
                "program",
                "PID",
                "type",
                "codec",
                "video",
                "handling",
                "ES bytes",
                "extracted",
                "share",
                "units hit");
        for (StreamReport s : streams) {
            out.printf(
                    Locale.ROOT,
                    "%-8d 0x%04X  0x%02X  %-22s %-10s %-13s %12d %10d %7.3f%% %9s%n",
                    s.programNumber(),
                    s.pid(),
                    s.streamType(),
                    s.codec().length() > 22 ? s.codec().substring(0, 22) : s.codec(),
                    s.resolution() != null ? s.resolution() : "-",
                    s.isProtected() ? "protected" : "pass-through",
                    s.esBytes(),
                    s.extractedBytes(),
                    100 * s.shareOfStream(),
                    s.isProtected() && s.units() >= 0 ? s.unitsHit() + "/" + s.units() : "-");
        }
    }

    private static ExitCode inspectComplementary(String file, InputStream in, PrintStream out)
            throws UsageException, StreamFormatException, ComplementaryException, IOException {
        CountingInputStream counted = new CountingInputStream(in, n -> {});
        ComplementaryReader reader = new ComplementaryReader(counted);
        ComplementaryInfo h = reader.header();
        long chunks = 0;
        long runs = 0;
        long lastEnd = 0;
        ComplementaryChunk chunk;
        while ((chunk = reader.nextChunk()) != null) {
            chunks++;
            runs += chunk.runCount();
            lastEnd = chunk.startTime90k() + chunk.duration90k();
        }
        long container = counted.count();
        ComplementaryTrailer t = reader.trailer();
        out.printf(
                Locale.ROOT,
                "%s: splitcast complementary information, format %d.%d, separation %s%n",
                file,
                h.versionMajor(),
                h.versionMinor(),
                h.separationIdHex());
        out.printf(
                Locale.ROOT,
                "main stream: %d bytes, %d-byte packets, fingerprint %s%n",
                t.mainLength(),
                h.packetSize(),
                HexFormat.of().formatHex(t.fingerprint()));
        out.printf(
                Locale.ROOT,
                "chunks: %d (nominal %.1f s, %.2f s of stream time), %d runs%n",
                chunks,
                h.chunkDuration90k() / 90_000.0,
                lastEnd / 90_000.0,
                runs);
        out.printf(
                Locale.ROOT,
                "extracted: %d bytes = %.3f %% of the main stream; container %d bytes, framing %.1f %% over the "
                        + "extracted bytes%n",
                t.extractedBytes(),
                t.mainLength() == 0 ? 0.0 : 100.0 * t.extractedBytes() / t.mainLength(),
                container,
                t.extractedBytes() == 0 ? 0.0 : 100.0 * (container - t.extractedBytes()) / t.extractedBytes());
        List<StreamReport> streams = new ArrayList<>();
        for (ComplementaryTrailer.StreamEntry s : t.streams()) {
            Codec codec = StreamTypes.codecOf(s.streamType(), new byte[0]);
            String name = codec.isProtectable()
                    ? codec.displayName()
                    : s.isProtected() && s.streamType() == 0x06 ? "AC-3" : StreamTypes.describe(s.streamType(), codec);
            streams.add(new StreamReport(
                    s.programNumber(),
                    s.pid(),
                    s.streamType(),
                    name,
                    s.isProtected(),
                    null,
                    s.esBytes(),
                    s.extractedBytes(),
                    -1,
                    0,
                    0,
                    0));
        }
        printStreamTable(out, streams);
        out.println("all checksums verified");
        return ExitCode.OK;
    }

    private static void requireDistinct(String... names) throws UsageException, IOException {
        for (int i = 0; i < names.length; i++) {
            for (int j = i + 1; j < names.length; j++) {
                if (names[i].equals("-") || names[j].equals("-")) {
                    continue;
                }
                Path a = Path.of(names[i]).toAbsolutePath().normalize();
                Path b = Path.of(names[j]).toAbsolutePath().normalize();
                if (a.equals(b) || (Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b))) {
                    throw new UsageException("the same file is given twice: " + names[i]);
                }
            }
        }
    }

    /** A wrong command line. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /** The parsed command line: options and positional arguments. */
    static final class Args {
        final List<String> positional = new ArrayList<>();
        final Map<String, String> options = new HashMap<>();

        static Args parse(String[] args) throws UsageException {
            Args a = new Args();
            boolean optionsDone = false;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (!optionsDone && arg.equals("--")) {
                    optionsDone = true;
                } else if (!optionsDone && arg.startsWith("--")) {
                    String name = arg;
                    String value = null;
                    int eq = arg.indexOf('=');
                    if (eq > 0) {
                        name = arg.substring(0, eq);
                        value = arg.substring(eq + 1);
                    }
                    if (WITH_VALUE.contains(name)) {
                        if (value == null) {
                            if (i + 1 >= args.length) {
                                throw new UsageException("option " + name + " needs a value");
                            }
                            value = args[++i];
                        }
                    } else if (!FLAGS.contains(name) || value != null) {
                        throw new UsageException("unknown option " + arg);
                    }
                    a.options.put(name, value);
                } else {
                    a.positional.add(arg);
                }
            }
            return a;
        }

        boolean has(String name) {
            return options.containsKey(name);
        }

        String value(String name) {
            return options.get(name);
        }

        void expect(int count, String names) throws UsageException {
            if (positional.size() != count) {
                throw new UsageException("expected " + names + ", got " + positional.size() + " argument(s)");
            }
        }

        void allow(String... names) throws UsageException {
            List<String> allowed = Arrays.asList(names);
            for (String o : options.keySet()) {
                if (!allowed.contains(o)) {
                    throw new UsageException("option " + o + " does not apply to this command");
                }
            }
        }
    }
}

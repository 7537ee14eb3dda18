package org.splitcast.benchmarks.multicast;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.jgroups.Address;
import org.jgroups.BytesMessage;
import org.jgroups.JChannel;
import org.jgroups.Message;
import org.jgroups.Receiver;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.jgroups.SplitcastStacks;
import org.splitcast.license.format.TerminalKey;
import org.splitcast.license.format.TerminalSecret;
import org.splitcast.multicast.chunk.ChunkAad;
import org.splitcast.multicast.chunk.DeflateAesGcmChunkSealer;
import org.splitcast.multicast.group.GroupPolicy;
import org.splitcast.multicast.group.MulticastGroup;
import org.splitcast.multicast.keys.GroupKeys;
import org.splitcast.multicast.keys.KeyMessage;
import org.splitcast.multicast.keys.KeyRing;
import org.splitcast.multicast.keys.LeafKeys;
import org.splitcast.multicast.keys.LiveSigner;
import org.splitcast.multicast.keys.TrafficKey;
import org.splitcast.multicast.publish.ChunkSource;
import org.splitcast.multicast.publish.LiveChunk;
import org.splitcast.multicast.publish.LivePublisher;
import org.splitcast.multicast.publish.MainStreamWindow;
import org.splitcast.multicast.publish.StoredStreamSource;
import org.splitcast.multicast.relay.ControlMessage;
import org.splitcast.multicast.relay.EdgeRelay;
import org.splitcast.multicast.relay.LiveFrame;
import org.splitcast.multicast.testing.LoopbackCluster;
import org.splitcast.multicast.testing.TestMedia;
import org.splitcast.separation.StreamRebuilder;
import org.splitcast.separation.complementary.ComplementaryChunk;

/**
 * The secure multicast benchmarks (benchmarks/README.md): each result next to a baseline measured
 * in the same run, as a ratio. Not a test: nothing here asserts.
 */
public final class MulticastBenchmarks {

    static final CryptoProvider CRYPTO = CryptoProvider.getDefault();
    static final Path WORK = Path.of("benchmarks/multicast/target/work");
    static final List<String> TABLE = new ArrayList<>();
    /** Where the receivers' checksums go, so that reading the bytes cannot be optimised away. */
    static final AtomicLong SINK = new AtomicLong();

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    static void run(String[] args) throws Exception {
        String what = args.length == 0 ? "all" : args[0];
        Files.createDirectories(WORK);
        System.out.println("crypto provider: " + CRYPTO.name() + ", cores "
                + Runtime.getRuntime().availableProcessors());
        if (what.equals("rekey") || what.equals("all")) {
            rekey();
        }
        if (what.equals("throughput") || what.equals("all")) {
            throughput();
        }
        if (what.equals("latency") || what.equals("all")) {
            latency();
        }
        System.out.println();
        System.out.println("| benchmark | result | baseline | ratio |");
        System.out.println("|---|---|---|---|");
        TABLE.forEach(System.out::println);
    }

    // --- rekey of 10,000 members after one leave ---

    static void rekey() {
        int members = 10_000;
        int rounds = 200;
        LiveSigner signer = LiveSigner.generate("bench", CRYPTO);
        GroupKeys group = new GroupKeys("bench", signer, CRYPTO, Clock.systemUTC());
        List<byte[]> leafKeys = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            byte[] sk = CRYPTO.randomBytes(32);
            group.addMember("m" + i, sk);
            leafKeys.add(LeafKeys.derive(sk, "bench", "m" + i, CRYPTO));
        }
        group.rekey(true);
        long[] lkhNanos = new long[rounds];
        long[] flatNanos = new long[rounds];
        int lkhBytes = 0;
        int lkhEntries = 0;
        int flatBytes = 0;
        for (int r = -20; r < rounds; r++) { // 20 warm-up rounds
            String leaving = "m" + Math.floorMod(r * 7919, members);
            group.removeMember(leaving);
            long t0 = System.nanoTime();
            KeyMessage m = group.rekey(true);
            byte[] wire = ControlMessage.frame(LiveFrame.key("bench", r + 100, m.encoded()));
            long t1 = System.nanoTime();
            // baseline: the new TEK wrapped under each remaining member's own key, one signature
            TrafficKey tek = group.currentTrafficKey();
            long t2 = System.nanoTime();
            int bytes = flatMessageBytes(tek.key(), leafKeys, signer);
            long t3 = System.nanoTime();
            if (r >= 0) {
                lkhNanos[r] = t1 - t0;
                flatNanos[r] = t3 - t2;
                lkhBytes = wire.length;
                lkhEntries = m.entries().size();
                flatBytes = bytes;
            }
            group.addMember(leaving, CRYPTO.randomBytes(32));
            group.rekey(false);
        }
        double lkh = median(lkhNanos) / 1e6;
        double flat = median(flatNanos) / 1e6;
        System.out.printf(
                Locale.ROOT,
                "rekey, %d members, one leave: LKH %.3f ms (p99 %.3f), %d wrapped keys, %d bytes;"
                        + " per-member wrapping %.3f ms, %d bytes%n",
                members,
                lkh,
                percentile(lkhNanos, 0.99) / 1e6,
                lkhEntries,
                lkhBytes,
                flat,
                flatBytes);
        TABLE.add(String.format(
                Locale.ROOT,
                "rekey after one leave, 10,000 members (compute + sign + frame) | %.3f ms, %d keys, %d bytes | per-member wrapping %.3f ms, %d bytes | %.3fx time, %.4fx bytes",
                lkh,
                lkhEntries,
                lkhBytes,
                flat,
                flatBytes,
                lkh / flat,
                (double) lkhBytes / flatBytes));
    }

    private static int flatMessageBytes(byte[] tek, List<byte[]> leafKeys, LiveSigner signer) {
        try {
            Cipher cipher = CRYPTO.cipher("AESWrap");
            int total = 0;
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(leafKeys.size() * 73);
            for (byte[] leaf : leafKeys) {
                cipher.init(Cipher.WRAP_MODE, new SecretKeySpec(leaf, "AES"));
                byte[] w = cipher.wrap(new SecretKeySpec(tek, "AES"));
                out.write(new byte[33]); // the same entry header as a key message entry
                out.write(w);
                total += 73;
            }
            byte[] body = out.toByteArray();
            signer.sign(body, 0, body.length);
            return total + 64 + 64;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // --- throughput to 8 edges ---

    static final int EDGES = 8;
    /** Chunks before the measured ones, on both sides, so that the JIT has compiled both paths. */
    static final int WARMUP = 500;

    /** Measured chunks per side and round (-Dsplitcast.bench.chunks): a few seconds each. */
    static final int CHUNKS = Integer.getInteger("splitcast.bench.chunks", 4000);

    static final int EDGE_WINDOW_FRAMES = 256;

    /**
     * When each of the 8 receivers got its WARMUP-th and its last message: the measured window
     * runs from the moment the last receiver got its WARMUP-th to the moment the last got all.
     */
    static final class Progress {
        final long[] warmAt = new long[EDGES];
        final long[] doneAt = new long[EDGES];
        final CountDownLatch warm = new CountDownLatch(EDGES);
        final CountDownLatch done = new CountDownLatch(EDGES);
        /** The process's CPU time per measured message (to all 8), in microseconds. */
        double cpuMicrosPerMessage = Double.NaN;

        void seen(int receiver, long count) {
            if (count == WARMUP) {
                warmAt[receiver] = System.nanoTime();
                warm.countDown();
            } else if (count == WARMUP + CHUNKS) {
                doneAt[receiver] = System.nanoTime();
                done.countDown();
            }
        }

        /** Waits for all, with the profiler (if any) on the measured window; messages/s per receiver. */
        double rate(boolean profile) throws InterruptedException {
            if (!warm.await(300, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the warm-up did not finish");
            }
            long cpu0 = processCpuNanos();
            if (profile) {
                profiler("start");
            }
            if (!done.await(300, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the measured messages did not all arrive");
            }
            if (profile) {
                profiler("stop");
            }
            long cpu = processCpuNanos() - cpu0;
            long from = Arrays.stream(warmAt).max().orElseThrow();
            long to = Arrays.stream(doneAt).max().orElseThrow();
            System.out.printf(
                    Locale.ROOT,
                    "  measured window %.0f ms, process CPU %.0f ms (%.2f cores), %.0f us of CPU per message to 8%n",
                    (to - from) / 1e6,
                    cpu / 1e6,
                    cpu / (double) (to - from),
                    cpu / 1e3 / CHUNKS);
            cpuMicrosPerMessage = cpu / 1e3 / CHUNKS;
            return CHUNKS / ((to - from) / 1e9);
        }
    }

    static final int RECORD_BYTES = 16 * 1024;

    /**
     * The publisher (sealing each chunk, framing it once, one reliable unicast per subscribed edge)
     * to 8 edge relays, each with a reader that reads every byte of every frame (as the edge's
     * HTTP side writing it to a terminal does); then raw JGroups on the same stack, the same 8
     * receivers' worth of nodes, messages of the same size, each receiver reading every byte.
     * {@code -Dsplitcast.bench.phase=publisher|raw} runs one side alone (to profile it).
     */
    static void throughput() throws Exception {
        String phase = System.getProperty("splitcast.bench.phase", "both");
        // rounds of (publisher, raw) in one JVM. The first one is the JIT's, not counted: a path
        // measured while the compiler is still busy with it (AES-CBC of ASYM_ENCRYPT not yet
        // intrinsic) is slower for reasons that have nothing to do with it. The measured rounds
        // alternate which side goes first, so that neither profits from the order; the result is
        // the median of their ratios, each from a publisher and a raw measurement taken one
        // after the other (the machine's load changes less within a round than across rounds).
        int rounds = Integer.getInteger("splitcast.bench.rounds", 4);
        int size = 16_455;
        List<Double> ratios = new ArrayList<>();
        List<Double> cpuRatios = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        double[] publisherRates = new double[rounds];
        double[] rawRates = new double[rounds];
        for (int round = 1; round <= rounds; round++) {
            boolean measured = round > 1 || rounds == 1;
            boolean profile = round == rounds;
            double load = loadAverage();
            double[] publisher = {Double.NaN, size, Double.NaN};
            double[] raw = {Double.NaN, Double.NaN};
            boolean rawFirst = round % 2 == 1 && round > 1;
            if (rawFirst && !phase.equals("publisher")) {
                raw = rawThroughput(size, profile);
            }
            if (!phase.equals("raw")) {
                publisher = publisherThroughput(profile);
                size = (int) publisher[1];
            }
            if (!rawFirst && !phase.equals("publisher")) {
                raw = rawThroughput(size, profile);
            }
            double publisherRate = publisher[0];
            double rawRate = raw[0];
            publisherRates[round - 1] = publisherRate;
            rawRates[round - 1] = rawRate;
            double ratio = publisherRate / rawRate;
            // what the rate ratio would be if both sides had the same CPU (both are CPU-bound):
            // raw's CPU per message over the publisher's per chunk, less sensitive to other load
            double cpuRatio = raw[1] / publisher[2];
            System.out.printf(
                    Locale.ROOT,
                    "throughput to %d edges, round %d of %d%s (load average %.1f, %s first): publisher %.0f chunks/s"
                            + " (%.1f MB/s per edge), raw JGroups %.0f msgs/s, messages of %d bytes, ratio %.2f;"
                            + " CPU per message to 8: publisher %.0f us, raw %.0f us, ratio %.2f%n",
                    EDGES,
                    round,
                    rounds,
                    measured ? "" : " (warm-up, not counted)",
                    load,
                    rawFirst ? "raw" : "publisher",
                    publisherRate,
                    publisherRate * size / 1e6,
                    rawRate,
                    size,
                    ratio,
                    publisher[2],
                    raw[1],
                    cpuRatio);
            if (measured) {
                ratios.add(ratio);
                cpuRatios.add(cpuRatio);
                rows.add(String.format(
                        Locale.ROOT,
                        "| %d | %.1f | %.0f | %.0f | %.2f | %.0f | %.0f | %.2f |",
                        round,
                        load,
                        publisherRate,
                        rawRate,
                        ratio,
                        publisher[2],
                        raw[1],
                        cpuRatio));
            }
        }
        double median = medianOf(ratios);
        System.out.println();
        System.out.println("| round | load average | publisher chunks/s | raw msgs/s | ratio"
                + " | publisher CPU us/chunk | raw CPU us/msg to 8 | CPU ratio |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
        System.out.printf(
                Locale.ROOT,
                "%nTHROUGHPUT RATIO publisher / raw JGroups: median %.2f of %d measured rounds %s (goal >= 0.80: %s)%n",
                median,
                ratios.size(),
                ratios.stream().map(r -> String.format(Locale.ROOT, "%.2f", r)).toList(),
                median >= 0.8 ? "met" : "not met");
        System.out.printf(
                Locale.ROOT,
                "CPU RATIO raw CPU per message / publisher CPU per chunk: median %.2f %s"
                        + " (the throughput ratio if both got the same CPU)%n",
                medianOf(cpuRatios),
                cpuRatios.stream()
                        .map(r -> String.format(Locale.ROOT, "%.2f", r))
                        .toList());
        TABLE.add(String.format(
                Locale.ROOT,
                "throughput to 8 edges, TCP stack on loopback (%d-byte frames), median of %d rounds | %.0f chunks/s (%.1f MB/s per edge) | raw JGroups unicast to the same 8 nodes %.0f msgs/s | %.2fx",
                size,
                ratios.size(),
                medianOf(measuredOnly(publisherRates)),
                medianOf(measuredOnly(publisherRates)) * size / 1e6,
                medianOf(measuredOnly(rawRates)),
                median));
    }

    private static List<Double> measuredOnly(double[] rates) {
        List<Double> l = new ArrayList<>();
        for (int i = rates.length == 1 ? 0 : 1; i < rates.length; i++) {
            l.add(rates[i]);
        }
        return l;
    }

    static double medianOf(List<Double> values) {
        List<Double> s = new ArrayList<>(values);
        s.sort(Double::compare);
        int n = s.size();
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    /** The system's 1-minute load average (other work on the machine skews every figure). */
    static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /**
     * A node of a benchmark cluster: the first node (the coordinator) waits 1 s for others instead
     * of LoopbackCluster's 10 s (nobody is there before it; the others find it at once), so that a
     * round costs seconds of set-up, not tens.
     */
    static JChannel node(LoopbackCluster cluster, String name, String unit, boolean first) throws Exception {
        java.util.Map<String, String> p = cluster.nodeProperties(name, unit);
        if (first) {
            p.put(SplitcastStacks.JOIN_TIMEOUT, "1s");
            p.put(SplitcastStacks.MAX_JOIN_ATTEMPTS, "1");
        }
        JChannel channel = SplitcastStacks.newChannel(SplitcastStacks.Transport.TCP, p);
        channel.setName(name);
        return channel;
    }

    /** Chunks per second through publisher and 8 edge relays, and the frame size on the wire. */
    static double[] publisherThroughput(boolean profile) throws Exception {
        LoopbackCluster cluster = new LoopbackCluster(WORK);
        LiveSigner signer = LiveSigner.generate("bench", CRYPTO);
        LivePublisher publisher = new LivePublisher(
                node(cluster, "central", "central", true),
                cluster.clusterName,
                signer,
                new DeflateAesGcmChunkSealer(CRYPTO),
                CRYPTO,
                Clock.systemUTC());
        publisher.start();
        List<EdgeRelay> relays = new ArrayList<>();
        for (int i = 0; i < EDGES; i++) {
            // the edge node's default catch-up window (splitcast-edge --window-frames 256); 4,096
            // frames of 16 KiB kept at each of 8 edges made half a GiB of live data for the GC
            EdgeRelay relay =
                    new EdgeRelay(node(cluster, "edge-" + i, "edge", false), cluster.clusterName, EDGE_WINDOW_FRAMES);
            relay.start();
            relays.add(relay);
        }
        GatedSource source = new GatedSource(WARMUP + CHUNKS, RECORD_BYTES);
        Progress progress = new Progress();
        AtomicLong wireBytes = new AtomicLong();
        for (int i = 0; i < EDGES; i++) {
            EdgeRelay.Reader reader = relays.get(i).open("bench", -1);
            int receiver = i;
            Thread t = new Thread(() -> {
                CheckedOutputStream relayed = new CheckedOutputStream(OutputStream.nullOutputStream(), new CRC32C());
                int seen = 0;
                try {
                    while (seen < WARMUP + CHUNKS) {
                        LiveFrame f = reader.next(30_000);
                        if (f == null) {
                            break;
                        }
                        f.writeTo(relayed); // reads every byte of the frame, as a relay does
                        if (f.type() == LiveFrame.Type.CHUNK) {
                            progress.seen(receiver, ++seen);
                            wireBytes.compareAndSet(0, ControlMessage.frame(f).length);
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                SINK.addAndGet(relayed.getChecksum().getValue());
            });
            t.start();
        }
        while (publisher.subscribers("bench").size() < EDGES) {
            Thread.sleep(50);
        }
        MulticastGroup group =
                publisher.openGroup("bench", "bench", GroupPolicy.defaults(), source, new MainStreamWindow(16), 0);
        group.admit("s1", "t1", new TerminalKey.Symmetric(CRYPTO.randomBytes(32)));
        source.open();
        double rate = progress.rate(profile);
        relays.forEach(EdgeRelay::stop);
        publisher.stop();
        cluster.releasePorts();
        return new double[] {rate, wireBytes.get(), progress.cpuMicrosPerMessage};
    }

    /**
     * Messages per second (to each of 8 receivers) of raw JGroups on the same stack, and the
     * process's CPU microseconds per message to all 8.
     */
    static double[] rawThroughput(int size, boolean profile) throws Exception {
        LoopbackCluster raw = new LoopbackCluster(WORK);
        JChannel sender = node(raw, "raw-sender", "central", true);
        sender.connect(raw.clusterName);
        Progress progress = new Progress();
        List<JChannel> receivers = new ArrayList<>();
        List<Address> targets = new ArrayList<>();
        for (int i = 0; i < EDGES; i++) {
            JChannel r = node(raw, "raw-" + i, "edge", false);
            AtomicLong n = new AtomicLong();
            CRC32C crc = new CRC32C();
            int receiver = i;
            r.setReceiver(new Receiver() {
                @Override
                public void receive(Message msg) {
                    // the baseline's receivers read every byte too: a fair baseline, not a weakened one
                    synchronized (crc) {
                        crc.update(msg.getArray(), msg.getOffset(), msg.getLength());
                    }
                    long count = n.incrementAndGet();
                    if (count == WARMUP + CHUNKS) {
                        SINK.addAndGet(crc.getValue());
                    }
                    progress.seen(receiver, count);
                }
            });
            r.connect(raw.clusterName);
            receivers.add(r);
            targets.add(r.getAddress());
        }
        byte[] payload = CRYPTO.randomBytes(size);
        Thread sending = new Thread(() -> {
            try {
                for (int c = 0; c < WARMUP + CHUNKS; c++) {
                    for (Address a : targets) {
                        sender.send(new BytesMessage(a, payload));
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        sending.start();
        double rawRate = progress.rate(profile);
        sending.join();
        receivers.forEach(JChannel::close);
        sender.close();
        raw.releasePorts();
        return new double[] {rawRate, progress.cpuMicrosPerMessage};
    }

    /**
     * Profiles the measured window alone when {@code -Dsplitcast.bench.profile=OPTIONS} is set and
     * async-profiler's agent is loaded ({@code -agentpath:.../libasyncProfiler.so}, and its jar on
     * {@code -Xbootclasspath/a:}): {@code start,OPTIONS} at the start of a measurement, {@code
     * stop} at its end (benchmarks/README.md). Reflection: the benchmark does not depend on it.
     */
    static void profiler(String command) {
        String options = System.getProperty("splitcast.bench.profile");
        if (options == null) {
            return;
        }
        try {
            Class<?> c = Class.forName("one.profiler.AsyncProfiler");
            Object p = c.getMethod("getInstance").invoke(null);
            String cmd = command.equals("start") ? "start," + options : "stop," + options;
            System.out.println(
                    "profiler: " + c.getMethod("execute", String.class).invoke(p, cmd));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("async-profiler is not loaded", e);
        }
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Synthetic chunks of random bytes, released all at once when the measurement starts. */
    static final class GatedSource implements ChunkSource {
        final int count;
        final byte[] record;
        volatile boolean open;
        int next;

        GatedSource(int count, int bytes) {
            this.count = count;
            this.record = CRYPTO.randomBytes(bytes);
        }

        void open() {
            open = true;
        }

        @Override
        public LiveChunk next() throws java.io.IOException {
            while (!open) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    throw new java.io.InterruptedIOException();
                }
            }
            return next < count ? new LiveChunk(next++, record, new byte[0], 0) : null;
        }

        @Override
        public void close() {}
    }

    // --- latency: chunk publication -> rebuilt at a terminal ---

    static void latency() throws Exception {
        TestMedia.Separated media = TestMedia.h264Aac(8);
        LoopbackCluster cluster = new LoopbackCluster(WORK);
        LiveSigner signer = LiveSigner.generate("bench", CRYPTO);
        LivePublisher publisher = new LivePublisher(
                cluster.newChannel("central", "central"),
                cluster.clusterName,
                signer,
                new DeflateAesGcmChunkSealer(CRYPTO),
                CRYPTO,
                Clock.systemUTC());
        publisher.start();
        EdgeRelay relay = new EdgeRelay(cluster.newChannel("edge", "edge"), cluster.clusterName, 256);
        relay.start();
        int samples = 120;
        ConcurrentHashMap<Long, Long> published = new ConcurrentHashMap<>();
        ChunkSource source = new StampingSource(
                new StoredStreamSource(media.main(), media.complementary(), true),
                published,
                Duration.ofMillis(100),
                samples + 10);
        MainStreamWindow window = new MainStreamWindow(256);
        // the edge subscribes first: the stamping source holds the publisher thread while it paces
        EdgeRelay.Reader reader = relay.open("lat", -1);
        while (publisher.subscribers("lat").isEmpty()) {
            Thread.sleep(50);
        }
        MulticastGroup group = publisher.openGroup("lat", "lat", GroupPolicy.defaults(), source, window, 0);
        byte[] kt = CRYPTO.randomBytes(32);
        MulticastGroup.Admission a = group.admit("s1", "t1", new TerminalKey.Symmetric(kt.clone()));
        byte[] sk = a.grant().openSessionKey(new TerminalSecret.Symmetric(kt), CRYPTO);
        KeyRing ring = new KeyRing("lat", "s1", a.grant().leaf(), sk, 2, CRYPTO);
        ring.apply(KeyMessage.decode(a.grant().keyMessage(), signer.verifier()));
        DeflateAesGcmChunkSealer sealer = new DeflateAesGcmChunkSealer(CRYPTO);
        long[] latencies = new long[samples];
        int n = 0;
        while (n < samples) {
            LiveFrame f = reader.next(30_000);
            if (f == null) {
                break;
            }
            if (f.type() == LiveFrame.Type.KEY) {
                ring.apply(KeyMessage.decode(f.payload(), signer.verifier()));
            } else if (f.type() == LiveFrame.Type.CHUNK) {
                byte[] record = sealer.open(
                        ring.trafficKey(f.tekPeriod()),
                        new ChunkAad("lat", "tek-" + f.tekPeriod(), f.chunkSeq()),
                        f.payload());
                ComplementaryChunk chunk = ComplementaryChunk.decode(record);
                byte[] main = window.get(f.chunkSeq()).clone();
                StreamRebuilder.apply(chunk, main, 0);
                long rebuilt = System.nanoTime();
                Long at = published.get(f.chunkSeq());
                if (at != null && f.chunkSeq() >= 10) {
                    latencies[n++] = rebuilt - at;
                }
            }
        }
        latencies = Arrays.copyOf(latencies, n);
        relay.stop();
        publisher.stop();

        // baseline: a raw JGroups one-way unicast of a message of the same size on the same stack
        LoopbackCluster raw = new LoopbackCluster(WORK);
        JChannel sender = raw.newChannel("raw-sender", "central");
        sender.connect(raw.clusterName);
        JChannel receiver = raw.newChannel("raw-receiver", "edge");
        java.util.concurrent.SynchronousQueue<Long> arrivals = new java.util.concurrent.SynchronousQueue<>();
        receiver.setReceiver(new Receiver() {
            @Override
            public void receive(Message msg) {
                try {
                    arrivals.put(System.nanoTime());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        receiver.connect(raw.clusterName);
        byte[] payload = CRYPTO.randomBytes(8 * 1024);
        long[] rawLat = new long[samples];
        for (int i = -10; i < samples; i++) {
            long t0 = System.nanoTime();
            sender.send(new BytesMessage(receiver.getAddress(), payload));
            long t1 = arrivals.poll(10, TimeUnit.SECONDS);
            if (i >= 0) {
                rawLat[i] = t1 - t0;
            }
            Thread.sleep(20);
        }
        receiver.close();
        sender.close();
        double p50 = percentile(latencies, 0.5) / 1e6;
        double p99 = percentile(latencies, 0.99) / 1e6;
        double r50 = percentile(rawLat, 0.5) / 1e6;
        double r99 = percentile(rawLat, 0.99) / 1e6;
        System.out.printf(
                Locale.ROOT,
                "latency publication -> rebuilt: p50 %.2f ms, p99 %.2f ms (%d samples); raw one-way p50 %.2f ms, p99 %.2f ms%n",
                p50,
                p99,
                latencies.length,
                r50,
                r99);
        TABLE.add(String.format(
                Locale.ROOT,
                "latency chunk publication -> rebuilt (in-process edge relay + terminal logic) | p50 %.2f ms, p99 %.2f ms | raw JGroups one-way unicast 8 KiB p50 %.2f ms, p99 %.2f ms | %.1fx p50, %.1fx p99",
                p50,
                p99,
                r50,
                r99,
                p50 / r50,
                p99 / r99));
    }

    /** Paces a source itself (one chunk per interval) and stamps each chunk as it is handed over. */
    static final class StampingSource implements ChunkSource {
        final ChunkSource inner;
        final ConcurrentHashMap<Long, Long> stamps;
        final long intervalNanos;
        final int limit;
        long nextAt;

        StampingSource(ChunkSource inner, ConcurrentHashMap<Long, Long> stamps, Duration interval, int limit) {
            this.inner = inner;
            this.stamps = stamps;
            this.intervalNanos = interval.toNanos();
            this.limit = limit;
        }

        @Override
        public LiveChunk next() throws java.io.IOException {
            LiveChunk c = inner.next();
            if (c == null || c.chunkSeq() >= limit) {
                return null;
            }
            long now = System.nanoTime();
            if (nextAt == 0) {
                nextAt = now;
            }
            if (nextAt > now) {
                java.util.concurrent.locks.LockSupport.parkNanos(nextAt - now);
            }
            nextAt += intervalNanos;
            stamps.put(c.chunkSeq(), System.nanoTime());
            return c;
        }

        @Override
        public void close() throws java.io.IOException {
            inner.close();
        }
    }

    static double median(long[] v) {
        return percentile(v, 0.5);
    }

    static double percentile(long[] v, double q) {
        if (v.length == 0) {
            return Double.NaN;
        }
        long[] s = v.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(q * s.length) - 1)];
    }
}

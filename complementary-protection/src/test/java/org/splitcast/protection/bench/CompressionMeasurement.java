package org.splitcast.protection.bench;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdDictCompress;
import com.github.luben.zstd.ZstdDictDecompress;
import com.github.luben.zstd.ZstdDictTrainer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.protection.envelope.CompressionPolicy;
import org.splitcast.protection.envelope.Envelope;
import org.splitcast.protection.envelope.EnvelopeContext;
import org.splitcast.protection.envelope.EnvelopeException;
import org.splitcast.protection.envelope.EnvelopeOpener;
import org.splitcast.protection.envelope.EnvelopeSealer;
import org.splitcast.protection.envelope.EnvelopeType;
import org.splitcast.protection.testing.Clips;
import org.splitcast.separation.SeparationOptions;
import org.splitcast.separation.StreamSeparator;
import org.splitcast.separation.complementary.ComplementaryChunk;
import org.splitcast.separation.complementary.ComplementaryInfo;
import org.splitcast.separation.complementary.ComplementarySink;
import org.splitcast.separation.complementary.ComplementaryTrailer;

/**
 * The measurement behind the envelope's compression choice (docs/protected-complementary-format.md
 * §4): real clips separated with the default options, each chunk record compressed with JDK
 * Deflate and zstd-jni at several levels (zstd also with a dictionary trained on the first half of
 * the chunks), and the envelope's seal/open throughput. Not a test: run it by hand, e.g.
 *
 * <pre>
 * mvn -pl complementary-protection -am install -DskipTests
 * mvn -pl complementary-protection test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * cd complementary-protection
 * java -Dsplitcast.ffmpeg.dir=DIR -Dsplitcast.test.work=target/test-work \
 *      -cp target/test-classes:target/classes:$(cat /tmp/cp.txt) org.splitcast.protection.bench.CompressionMeasurement 60
 * (-Dmeasure.envelopesOnly=true: the envelope table only)
 * </pre>
 */
public final class CompressionMeasurement {

    private static final double MIN_SECONDS = 1.5;

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        System.out.println(
                "| clip | chunks | complementary bytes | codec | level | compressed / original | structure only | compress MB/s | decompress MB/s |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        List<String> envelopeLines = new ArrayList<>();
        for (Clips.Codec codec : Clips.Codec.values()) {
            Path clip = Clips.clip(codec, seconds, 1280, 720);
            Separated s = separate(clip);
            String name = codec.name() + " " + seconds + " s, " + Files.size(clip) / 1_000_000 + " MB";
            long total = s.total();
            if (!Boolean.getBoolean("measure.envelopesOnly")) {
                row(name, s, "none", "-", total, s.structureTotal(), 0, 0);
                for (int level : new int[] {1, 6, 9}) {
                    deflateRow(name, s, level);
                }
                for (int level : new int[] {1, 3, 9, 19}) {
                    zstdRow(name, s, level);
                }
                zstdDictRow(name, s, 3);
            }
            envelopeLines.add(envelopes(name, s, CompressionPolicy.NONE));
            envelopeLines.add(envelopes(name, s, CompressionPolicy.DEFAULT));
            envelopeLines.add(envelopes(name, s, CompressionPolicy.deflate(1)));
        }
        System.out.println();
        System.out.println("| clip | policy | provider | envelopes / plaintext | seal MB/s | open MB/s |");
        System.out.println("|---|---|---|---|---|---|");
        envelopeLines.forEach(System.out::println);
    }

    /** The chunk records of one separation, and the length of each one's positions part. */
    record Separated(List<byte[]> records, List<Integer> structure) {
        long total() {
            return records.stream().mapToLong(r -> r.length).sum();
        }

        long structureTotal() {
            return structure.stream().mapToLong(Integer::longValue).sum();
        }
    }

    static Separated separate(Path clip) throws Exception {
        List<byte[]> records = new ArrayList<>();
        List<Integer> structure = new ArrayList<>();
        try (InputStream in = Files.newInputStream(clip)) {
            new StreamSeparator(SeparationOptions.defaults())
                    .separate(in, OutputStream.nullOutputStream(), new ComplementarySink() {
                        @Override
                        public void begin(ComplementaryInfo header) {}

                        @Override
                        public void chunk(ComplementaryChunk chunk) {
                            byte[] record = chunk.encode();
                            records.add(record);
                            structure.add(record.length - chunk.extractedBytes());
                        }

                        @Override
                        public void end(ComplementaryInfo completedHeader, ComplementaryTrailer trailer) {}
                    });
        }
        return new Separated(records, structure);
    }

    /** The positions part of a record: everything but its extracted bytes (and the CRC after them). */
    static byte[] structure(byte[] record, int length) {
        byte[] b = new byte[length];
        System.arraycopy(record, 0, b, 0, length - 4);
        System.arraycopy(record, record.length - 4, b, length - 4, 4);
        return b;
    }

    interface Codec {
        byte[] compress(byte[] in);

        byte[] decompress(byte[] in, int length) throws Exception;
    }

    static void deflateRow(String name, Separated s, int level) throws Exception {
        measure(name, s, "deflate (JDK)", Integer.toString(level), new Codec() {
            @Override
            public byte[] compress(byte[] in) {
                Deflater d = new Deflater(level, true);
                d.setInput(in);
                d.finish();
                ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
                byte[] buf = new byte[1 << 16];
                while (!d.finished()) {
                    out.write(buf, 0, d.deflate(buf));
                }
                d.end();
                return out.toByteArray();
            }

            @Override
            public byte[] decompress(byte[] in, int length) throws DataFormatException {
                Inflater i = new Inflater(true);
                i.setInput(in);
                byte[] out = new byte[length];
                int n = 0;
                while (n < length) {
                    n += i.inflate(out, n, length - n);
                }
                i.end();
                return out;
            }
        });
    }

    static void zstdRow(String name, Separated s, int level) throws Exception {
        measure(name, s, "zstd (zstd-jni)", Integer.toString(level), new Codec() {
            @Override
            public byte[] compress(byte[] in) {
                return Zstd.compress(in, level);
            }

            @Override
            public byte[] decompress(byte[] in, int length) {
                return Zstd.decompress(in, length);
            }
        });
    }

    /** A 16 KiB dictionary trained on the first half of the chunks, measured on the second half. */
    static void zstdDictRow(String name, Separated s, int level) throws Exception {
        int half = s.records().size() / 2;
        ZstdDictTrainer trainer = new ZstdDictTrainer(64 << 20, 16 << 10);
        for (int i = 0; i < half; i++) {
            trainer.addSample(s.records().get(i));
        }
        byte[] dict;
        try {
            dict = trainer.trainSamples();
        } catch (RuntimeException e) {
            System.out.printf(
                    "| %s | %d | | zstd + dictionary | %d | training failed: %s | | | |%n",
                    name, half, level, e.getMessage());
            return;
        }
        ZstdDictCompress cd = new ZstdDictCompress(dict, level);
        ZstdDictDecompress dd = new ZstdDictDecompress(dict);
        Separated second = new Separated(
                s.records().subList(half, s.records().size()),
                s.structure().subList(half, s.structure().size()));
        measure(name + " (2nd half)", second, "zstd + 16 KiB dictionary", Integer.toString(level), new Codec() {
            @Override
            public byte[] compress(byte[] in) {
                return Zstd.compress(in, cd);
            }

            @Override
            public byte[] decompress(byte[] in, int length) {
                return Zstd.decompress(in, dd, length);
            }
        });
    }

    static void measure(String name, Separated s, String codec, String level, Codec c) throws Exception {
        long original = s.total();
        List<byte[]> compressed = new ArrayList<>();
        long compressedBytes = 0;
        long structureCompressed = 0;
        for (int i = 0; i < s.records().size(); i++) {
            byte[] r = s.records().get(i);
            byte[] z = c.compress(r);
            compressed.add(z);
            compressedBytes += Math.min(z.length, r.length);
            structureCompressed += Math.min(
                    c.compress(structure(r, s.structure().get(i))).length,
                    s.structure().get(i));
        }
        for (int warm = 0; warm < 3; warm++) {
            for (int i = 0; i < s.records().size(); i++) {
                c.decompress(compressed.get(i), s.records().get(i).length);
            }
        }
        long t0 = System.nanoTime();
        long done = 0;
        while (System.nanoTime() - t0 < MIN_SECONDS * 1e9) {
            for (byte[] r : s.records()) {
                c.compress(r);
                done += r.length;
            }
        }
        double compressRate = done / 1e6 / ((System.nanoTime() - t0) / 1e9);
        t0 = System.nanoTime();
        done = 0;
        while (System.nanoTime() - t0 < MIN_SECONDS * 1e9) {
            for (int i = 0; i < compressed.size(); i++) {
                int length = s.records().get(i).length;
                byte[] back = c.decompress(compressed.get(i), length);
                if (back.length != length) {
                    throw new IllegalStateException("round trip failed");
                }
                done += length;
            }
        }
        double decompressRate = done / 1e6 / ((System.nanoTime() - t0) / 1e9);
        row(name, s, codec, level, compressedBytes, structureCompressed, compressRate, decompressRate);
    }

    static void row(
            String name,
            Separated s,
            String codec,
            String level,
            long compressed,
            long structureCompressed,
            double compressRate,
            double decompressRate) {
        System.out.printf(
                Locale.ROOT,
                "| %s | %d | %d | %s | %s | %.4f | %.3f (%d of %d bytes) | %s | %s |%n",
                name,
                s.records().size(),
                s.total(),
                codec,
                level,
                compressed / (double) s.total(),
                structureCompressed / (double) s.structureTotal(),
                structureCompressed,
                s.structureTotal(),
                compressRate == 0 ? "-" : String.format(Locale.ROOT, "%.0f", compressRate),
                decompressRate == 0 ? "-" : String.format(Locale.ROOT, "%.0f", decompressRate));
    }

    static String envelopes(String name, Separated s, CompressionPolicy policy) throws EnvelopeException, IOException {
        StringBuilder lines = new StringBuilder();
        for (CryptoProvider crypto : List.of(CryptoProvider.getDefault(), CryptoProvider.bouncyCastle())) {
            byte[] kc = crypto.randomBytes(32);
            EnvelopeContext context = EnvelopeContext.onDemand("measure", "kc-1");
            List<Envelope> parsed = new ArrayList<>();
            long sealedBytes = 0;
            try (EnvelopeSealer sealer = EnvelopeSealer.create(context, kc, policy, crypto)) {
                for (int i = 0; i < s.records().size(); i++) {
                    Envelope e = Envelope.parse(sealer.sealChunk(i, s.records().get(i)));
                    parsed.add(e);
                    sealedBytes += e.length();
                }
            }
            double sealRate = 0;
            double openRate = 0;
            for (int pass = 0; pass < 2; pass++) { // the first pass warms up (JIT, native provider)
                long t0 = System.nanoTime();
                long done = 0;
                while (System.nanoTime() - t0 < MIN_SECONDS * 1e9) {
                    try (EnvelopeSealer sealer = EnvelopeSealer.create(context, kc, policy, crypto)) {
                        for (int i = 0; i < s.records().size(); i++) {
                            sealer.sealChunk(i, s.records().get(i));
                            done += s.records().get(i).length;
                        }
                    }
                }
                sealRate = done / 1e6 / ((System.nanoTime() - t0) / 1e9);
                t0 = System.nanoTime();
                done = 0;
                try (EnvelopeOpener opener = new EnvelopeOpener(context, kc, crypto)) {
                    while (System.nanoTime() - t0 < MIN_SECONDS * 1e9) {
                        for (int i = 0; i < parsed.size(); i++) {
                            done += opener.open(parsed.get(i), EnvelopeType.CHUNK, i).length;
                        }
                    }
                }
                openRate = done / 1e6 / ((System.nanoTime() - t0) / 1e9);
            }
            lines.append(String.format(
                    Locale.ROOT,
                    "| %s | %s %d%s | %s | %.4f | %.0f | %.0f |%n",
                    name,
                    policy.compression().label(),
                    policy.level(),
                    policy.adaptive() ? " adaptive" : "",
                    crypto.nativeAccelerated() ? "native (ACCP)" : "BouncyCastle",
                    sealedBytes / (double) s.total(),
                    sealRate,
                    openRate));
        }
        return lines.toString().stripTrailing();
    }
}

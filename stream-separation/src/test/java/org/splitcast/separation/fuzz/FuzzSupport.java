package org.splitcast.separation.fuzz;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.zip.CRC32C;
import org.splitcast.separation.SeparationOptions;
import org.splitcast.separation.SeparationReport;
import org.splitcast.separation.StreamRebuilder;
import org.splitcast.separation.StreamSeparator;
import org.splitcast.separation.complementary.ComplementaryException;
import org.splitcast.separation.complementary.ComplementaryWriter;
import org.splitcast.separation.ts.StreamFormatException;

/** What the fuzz tests share: fixed options, separation and rebuild in memory, CRC repair. */
final class FuzzSupport {

    /** Per-input time limit: JUnit's in regression runs, libFuzzer's (-timeout) when fuzzing. */
    static final Duration PER_INPUT = Duration.ofSeconds(10);

    private FuzzSupport() {}

    /**
     * Fixed secret and separation id (the output depends only on the input), a 15 % share so
     * that even a few packets yield runs, and 0.2 s chunks so that short inputs have several.
     */
    static final SeparationOptions OPTIONS = SeparationOptions.builder()
            .secret(bytes(32, 11))
            .separationId(bytes(16, 29))
            .share(0.15)
            .chunkDuration(Duration.ofMillis(200))
            .build();

    private static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (seed * (i + 1));
        }
        return b;
    }

    /** A main stream and its complementary information. */
    record Separated(byte[] main, byte[] complementary, SeparationReport report) {}

    /** Separates {@code ts} in memory; throws only what the separator documents. */
    static Separated separate(byte[] ts) throws StreamFormatException {
        ByteArrayOutputStream main = new ByteArrayOutputStream();
        ByteArrayOutputStream comp = new ByteArrayOutputStream();
        try {
            SeparationReport r = new StreamSeparator(OPTIONS)
                    .separate(new ByteArrayInputStream(ts), main, ComplementaryWriter.toStream(comp));
            return new Separated(main.toByteArray(), comp.toByteArray(), r);
        } catch (IOException e) {
            throw new UncheckedIOException("memory streams do not fail", e);
        }
    }

    /** Rebuilds in memory; throws only what the rebuilder documents. */
    static byte[] rebuild(byte[] main, byte[] complementary) throws ComplementaryException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new StreamRebuilder().rebuild(new ByteArrayInputStream(main), new ByteArrayInputStream(complementary), out);
        } catch (IOException e) {
            throw new UncheckedIOException("memory streams do not fail", e);
        }
        return out.toByteArray();
    }

    /**
     * Makes the checksums of a (possibly mutated) container right again, so that mutations reach
     * the checks behind them: the header's CRC32C (its last 4 bytes, the header length being at
     * bytes 10-11) and each record's CRC32C, records walked leniently (type, varint length, body,
     * CRC) as far as their lengths allow. Bytes that do not parse are left as they are.
     */
    static byte[] repairChecksums(byte[] container) {
        byte[] b = container.clone();
        if (b.length < 12) {
            return b;
        }
        int header = ((b[10] & 0xFF) << 8) | (b[11] & 0xFF);
        if (header < 16 || header > b.length) {
            return b;
        }
        putCrc(b, 0, header - 4);
        int p = header;
        while (p < b.length) {
            int start = p++;
            long length = 0;
            int shift = 0;
            while (p < b.length && shift < 35) {
                int v = b[p++] & 0xFF;
                length |= (long) (v & 0x7F) << shift;
                shift += 7;
                if ((v & 0x80) == 0) {
                    break;
                }
            }
            long end = p + length;
            if (end + 4 > b.length) {
                break;
            }
            putCrc(b, start, (int) end - start);
            p = (int) end + 4;
        }
        return b;
    }

    private static void putCrc(byte[] b, int from, int length) {
        CRC32C crc = new CRC32C();
        crc.update(b, from, length);
        ByteBuffer.wrap(b).putInt(from + length, (int) crc.getValue());
    }

    /**
     * The input with 0x47 at the start of every 188-byte packet, or of every 192-byte M2TS packet
     * (4 bytes in) when the input's 5th byte already is 0x47 and its 1st is not.
     */
    static byte[] withSyncBytes(byte[] input) {
        byte[] b = input.clone();
        boolean m2ts = b.length > 4 && b[4] == 0x47 && b[0] != 0x47;
        int size = m2ts ? 192 : 188;
        for (int i = m2ts ? 4 : 0; i < b.length; i += size) {
            b[i] = 0x47;
        }
        return b;
    }

    /** The committed seed file {@code name} of a fuzz test's inputs folder (for fixtures). */
    static byte[] seed(Class<?> test, String method, String name) {
        String path = test.getSimpleName() + "Inputs/" + method + "/" + name;
        try (InputStream in = test.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

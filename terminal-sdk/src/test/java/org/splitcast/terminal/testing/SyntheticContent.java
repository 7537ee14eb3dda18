package org.splitcast.terminal.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.zip.CRC32C;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.protection.envelope.CompressionPolicy;
import org.splitcast.protection.envelope.EnvelopeContext;
import org.splitcast.protection.envelope.EnvelopeSealer;
import org.splitcast.protection.store.ProtectedStoreWriter;
import org.splitcast.separation.complementary.ComplementaryChunk;
import org.splitcast.separation.complementary.ComplementaryInfo;
import org.splitcast.separation.complementary.ComplementaryTrailer;
import org.splitcast.separation.complementary.MainFingerprint;

/**
 * A content of any size without a transport stream: the main stream is pseudo-random bytes
 * computed from their position (so a server can serve any range without a file), and each 1 MiB
 * chunk carries sixteen 16-byte runs of "original" bytes. The rebuild needs no MPEG parsing, so
 * this exercises delivery and memory at sizes (4 GiB) that real clips would make slow.
 */
public final class SyntheticContent implements FakeDeliveryServer.MainSource {

    static final int CHUNK = 1 << 20;
    static final int RUNS = 16;
    static final int RUN_LENGTH = 16;

    private final long length;
    private final long seed;
    private byte[] originalSha256;

    private SyntheticContent(long length, long seed) {
        this.length = length;
        this.seed = seed;
    }

    /**
     * Makes the content and writes its protected store (sealed under {@code kc}) to {@code store}.
     */
    public static SyntheticContent create(long length, long seed, Path store, String contentId, String keyId, byte[] kc)
            throws IOException {
        SyntheticContent content = new SyntheticContent(length, seed);
        content.writeStore(store, contentId, keyId, kc);
        return content;
    }

    private void writeStore(Path path, String contentId, String keyId, byte[] kc) throws IOException {
        byte[] separationId = new byte[16];
        java.util.Arrays.fill(separationId, (byte) seed);
        ComplementaryInfo header = new ComplementaryInfo(188, separationId, 180_000);
        MessageDigest original = MainFingerprint.sha256();
        MessageDigest sha = MainFingerprint.sha256();
        MainFingerprint fingerprint = new MainFingerprint();
        CRC32C crc = new CRC32C();
        byte[] range = new byte[CHUNK];
        long[] offsets = new long[RUNS];
        int[] lengths = new int[RUNS];
        long chunks = 0;
        long extractedTotal = 0;
        try (EnvelopeSealer sealer = EnvelopeSealer.create(
                        EnvelopeContext.onDemand(contentId, keyId),
                        kc,
                        CompressionPolicy.DEFAULT,
                        CryptoProvider.getDefault());
                ProtectedStoreWriter writer = ProtectedStoreWriter.create(path, sealer)) {
            writer.begin(header);
            for (long offset = 0; offset < length; offset += CHUNK, chunks++) {
                int n = (int) Math.min(CHUNK, length - offset);
                fill(offset, range, n);
                sha.reset();
                sha.update(range, 0, n);
                byte[] digest = sha.digest();
                int runs = 0;
                byte[] extracted = new byte[RUNS * RUN_LENGTH];
                for (int k = 0; k < RUNS; k++) {
                    int at = k * (CHUNK / RUNS) + 100;
                    if (at + RUN_LENGTH > n) {
                        break;
                    }
                    offsets[runs] = offset + at;
                    lengths[runs] = RUN_LENGTH;
                    for (int j = 0; j < RUN_LENGTH; j++) {
                        byte b = (byte) (range[at + j] ^ 0xA5);
                        extracted[runs * RUN_LENGTH + j] = b;
                        range[at + j] = b; // the original has these bytes
                    }
                    runs++;
                }
                crc.reset();
                crc.update(range, 0, n);
                original.update(range, 0, n);
                ComplementaryChunk chunk = new ComplementaryChunk(
                        separationId,
                        chunks,
                        chunks * 180_000,
                        180_000,
                        offset,
                        n,
                        digest,
                        (int) crc.getValue(),
                        offsets,
                        lengths,
                        runs,
                        extracted,
                        runs * RUN_LENGTH);
                fingerprint.add(offset, n, digest);
                extractedTotal += runs * RUN_LENGTH;
                writer.chunk(chunk);
            }
            byte[] fp = fingerprint.finish();
            writer.end(
                    header.withFingerprint(length, fp),
                    new ComplementaryTrailer(separationId, chunks, length, fp, extractedTotal, List.of()));
            writer.commit();
        }
        originalSha256 = original.digest();
    }

    /** SHA-256 of the original stream the rebuild must give. */
    public byte[] originalSha256() {
        return originalSha256.clone();
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public String etag() {
        return "\"synthetic-" + length + "-" + seed + "\"";
    }

    @Override
    public void copy(long from, long to, OutputStream out) throws IOException {
        byte[] buffer = new byte[1 << 16];
        for (long p = from; p < to; ) {
            int n = (int) Math.min(buffer.length, to - p);
            fill(p, buffer, n);
            out.write(buffer, 0, n);
            p += n;
        }
    }

    /** Main-stream bytes {@code [position, position + n)}: SplitMix64 of their 8-byte block number. */
    private void fill(long position, byte[] into, int n) {
        long block = position >>> 3;
        int skip = (int) (position & 7);
        int i = 0;
        while (i < n) {
            long z = (block++ + seed) * 0x9E3779B97F4A7C15L;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            z ^= z >>> 31;
            for (int k = skip; k < 8 && i < n; k++) {
                into[i++] = (byte) (z >>> (8 * k));
            }
            skip = 0;
        }
    }
}

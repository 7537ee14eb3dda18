package org.splitcast.separation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.splitcast.separation.complementary.ComplementaryWriter;
import org.splitcast.separation.testing.Media;

/**
 * Property: for random secrets, shares, chunk durations, run lengths, read sizes and threading,
 * rebuild(separate(x)) == x, and the extracted share never exceeds the requested one.
 */
class RoundTripPropertyTest {

    private static final ExecutorService EXECUTOR = Executors.newSingleThreadExecutor();

    @AfterAll
    static void stop() {
        EXECUTOR.shutdownNow();
    }

    /** Hands out the input in random small pieces, as a network would. */
    private static InputStream choppy(byte[] data, Random rng) {
        return new FilterInputStream(new ByteArrayInputStream(data)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 1 + rng.nextInt(5000)));
            }
        };
    }

    @Test
    void rebuildOfSeparateIsTheIdentity() throws Exception {
        List<byte[]> inputs = List.of(
                Files.readAllBytes(Media.clip(Media.Clip.H264_AAC)),
                Files.readAllBytes(Media.clip(Media.Clip.HEVC_AC3)),
                Files.readAllBytes(Media.clip(Media.Clip.TWO_PROGRAMS)),
                Files.readAllBytes(Media.clip(Media.Clip.H264_AC3_M2TS)));
        Random rng = new Random(20251122);
        for (int round = 0; round < 24; round++) {
            byte[] input = inputs.get(round % inputs.size());
            byte[] secret = new byte[16 + rng.nextInt(32)];
            rng.nextBytes(secret);
            double share = 0.001 + rng.nextDouble() * 0.08;
            SeparationOptions options = SeparationOptions.builder()
                    .secret(secret)
                    .share(share)
                    .chunkDuration(Duration.ofMillis(100 + rng.nextInt(4000)))
                    .runLengths(1 + rng.nextInt(40), 1 + rng.nextInt(40), 1 + rng.nextInt(40))
                    .executor(rng.nextBoolean() ? EXECUTOR : null)
                    .build();
            ByteArrayOutputStream main = new ByteArrayOutputStream();
            ByteArrayOutputStream comp = new ByteArrayOutputStream();
            SeparationReport report =
                    new StreamSeparator(options).separate(choppy(input, rng), main, ComplementaryWriter.toStream(comp));
            ByteArrayOutputStream rebuilt = new ByteArrayOutputStream();
            new StreamRebuilder().rebuild(choppy(main.toByteArray(), rng), choppy(comp.toByteArray(), rng), rebuilt);
            String what = "round " + round + " (share " + share + ")";
            assertArrayEquals(input, rebuilt.toByteArray(), what);
            assertTrue(report.share() <= share, what + ": extracted " + report.share());
            assertTrue(report.extractedBytes() > 0, what);
        }
    }
}
